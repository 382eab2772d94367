/**
 * Known defects of HighLevel's official OpenAPI specs (openapi/*.json), in one list.
 *
 * Each entry names the operation where the defect shows, what is wrong, the evidence, and an `effect` the
 * contract checker (contract/openapi.ts) applies when it loads the specs. The checker refuses to load when an
 * entry no longer matches the spec (unknown operation, property no longer required, pointer gone), so a spec
 * update that fixes a defect forces its entry to be removed here.
 *
 * Effects:
 * - undeclaredPathParam: the template has `{param}` but the operation does not declare it. The checker still
 *   requires a non-empty value (validated against `schema` when given) instead of flagging it as undeclared.
 * - requireAuthorization: the operation has no security block although it needs a token; the checker requires
 *   `Authorization: Bearer …` and reports `scopes` as the operation's scopes.
 * - replaceRequestBody / replaceResponse: the declared schema is replaced by `schema` (local `$ref`s such as
 *   '#/components/schemas/X' resolve in the operation's own spec file).
 * - relaxRequired: `properties` are dropped from the `required` list of the schema at `at` (a JSON pointer
 *   into the target schema; `$ref`s on the way are followed and copied, so other operations are unaffected).
 * - patchSchema: `merge` adds/overrides keywords of (or `replace` replaces) the schema at each `at`.
 * Targets: 'requestBody', 'response:<status>', or 'components/<SchemaName>' (the shared component, i.e. every
 * operation that uses it).
 */

export type JsonSchema = Record<string, unknown>;

/** 'requestBody' | 'response:200' | 'components/CreateContactDto' */
export type SchemaTarget = 'requestBody' | `response:${string}` | `components/${string}`;

export interface SchemaPatch {
  /** JSON pointer into the target schema, e.g. '/properties/email' or '/properties/items/items'. */
  at: string;
  merge?: JsonSchema;
  replace?: JsonSchema;
}

export type DeviationEffect =
  | { kind: 'undeclaredPathParam'; param: string; schema?: JsonSchema }
  | { kind: 'requireAuthorization'; scopes?: string[] }
  | { kind: 'replaceRequestBody'; schema: JsonSchema; required?: boolean; contentType?: string }
  | { kind: 'replaceResponse'; status: number; schema: JsonSchema }
  | { kind: 'relaxRequired'; target: SchemaTarget; at?: string; properties: string[] }
  | { kind: 'patchSchema'; target: SchemaTarget; patches: SchemaPatch[] };

export interface SpecDeviation {
  /** Stable, unique id (kebab-case). */
  id: string;
  /** 'METHOD /path/template' exactly as in the spec (a trailing slash is ignored). */
  operation: string;
  what: string;
  evidence: string;
  effect: DeviationEffect;
}

// ---------------------------------------------------------------------------------------------------------
// Schemas used by the effects

/** One Search Contacts filter ({field, operator, value}); `value` is omitted for exists/not_exists. */
const contactSearchFilter: JsonSchema = {
  type: 'object',
  properties: {
    field: { type: 'string', minLength: 1 },
    operator: { type: 'string', minLength: 1 },
    value: {},
  },
  required: ['field', 'operator'],
};

/** A filter group {group: 'AND'|'OR', filters: [...]}; `depth` levels of nesting. */
function contactSearchGroup(depth: number): JsonSchema {
  const inner = depth > 1 ? { anyOf: [contactSearchFilter, contactSearchGroup(depth - 1)] } : contactSearchFilter;
  return {
    type: 'object',
    properties: {
      group: { type: 'string', enum: ['AND', 'OR'] },
      filters: { type: 'array', items: inner },
    },
    required: ['group', 'filters'],
  };
}

/** The Search Contacts body as HighLevel documents it outside the spec (the spec's SearchBodyV2DTO is empty). */
export const contactSearchBodySchema: JsonSchema = {
  type: 'object',
  properties: {
    locationId: { type: 'string', minLength: 1 },
    pageLimit: { type: 'integer', minimum: 1, maximum: 500 },
    page: { type: 'integer', minimum: 1 },
    searchAfter: { type: 'array' },
    filters: { type: 'array', items: { anyOf: [contactSearchFilter, contactSearchGroup(3)] } },
    sort: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string', minLength: 1 },
          direction: { type: 'string', enum: ['asc', 'desc'] },
        },
        required: ['field', 'direction'],
      },
    },
    query: { type: 'string', maxLength: 75 },
  },
  required: ['locationId', 'pageLimit'],
};

const associationItemRef = { $ref: '#/components/schemas/GetPostSuccessfulResponseDto' };

const relationItem: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    associationId: { type: 'string' },
    firstRecordId: { type: 'string' },
    secondRecordId: { type: 'string' },
    locationId: { type: 'string' },
  },
};

const str = { type: 'string' };
const strOrNumber = { type: ['string', 'number'] };

// ---------------------------------------------------------------------------------------------------------

// Spec defects met by the invoices, estimates, payments, products, objects and media operations (issue 14),
// spread into specDeviations below.

/** One line item of an invoice or estimate as HighLevel answers it (InvoiceItemDto plus its `_id`). */
const lineItem: JsonSchema = {
  type: 'object',
  properties: {
    _id: { type: 'string' },
    name: { type: 'string' },
    description: { type: 'string' },
    productId: { type: 'string' },
    priceId: { type: 'string' },
    currency: { type: 'string' },
    amount: { type: 'number' },
    qty: { type: 'number' },
    taxes: { type: 'array' },
    type: { type: 'string' },
    taxInclusive: { type: 'boolean' },
  },
  required: ['name', 'amount', 'qty'],
};

const invoiceResponses = [
  ['DefaultInvoiceResponseDto', 'POST /invoices/{invoiceId}/send'],
  ['GetInvoiceResponseDto', 'GET /invoices/{invoiceId}'],
  ['CreateInvoiceResponseDto', 'POST /invoices/'],
  ['VoidInvoiceResponseDto', 'POST /invoices/{invoiceId}/void'],
] as const;

const moneyDeviations: SpecDeviation[] = [
  // ----- invoices.json
  ...invoiceResponses.map(([dto, operation]): SpecDeviation => ({
    id: `invoices-${dto.replace(/Dto$/, '').replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}-items-typed-strings`,
    operation,
    what: `${dto}.invoiceItems is typed as an array of strings; each item is an object (name, amount, qty, currency, taxes, …).`,
    evidence:
      `invoices.json ${dto}.invoiceItems declares items {type: string} while its own example is ` +
      '[{"taxes":[],"_id":"c6tZZU0rJBf30ZXx9Gli","productId":…,"currency":"USD","name":"Macbook Pro","qty":1,"amount":…}], and the items an ' +
      'invoice is created with are InvoiceItemDto objects (CreateInvoiceDto.items).',
    effect: { kind: 'patchSchema', target: `components/${dto}`, patches: [{ at: '/properties/invoiceItems/items', replace: lineItem }] },
  })),
  {
    id: 'invoices-estimate-items-typed-arrays',
    operation: 'POST /invoices/estimate',
    what: 'EstimateResponseDto.items is typed as an array of arrays; each item is an object like an invoice line item.',
    evidence:
      'invoices.json EstimateResponseDto.items declares items {type: array} while its own example is [{"taxes":[],"taxInclusive":false,"_id":…,' +
      '"currency":"USD","amount":9.99,"qty":1,"name":"TEST","type":"one_time"}, …]; estimates are created with EstimateLineItemDto objects.',
    effect: {
      kind: 'patchSchema',
      target: 'components/EstimateResponseDto',
      patches: [{ at: '/properties/items/items', replace: lineItem }],
    },
  },
  {
    id: 'invoices-estimate-list-typed-strings',
    operation: 'GET /invoices/estimate/list',
    what: 'ListEstimatesResponseDTO.estimates is typed as an array of strings; each is an estimate object (EstimateResponseDto).',
    evidence:
      'invoices.json ListEstimatesResponseDTO.estimates declares items {type: string} with no example, while the list of invoices of the same ' +
      'API (ListInvoicesResponseDto.invoices) holds invoice objects, and an estimate is addressed by its `_id` in every other estimate endpoint ' +
      '(send, update, delete, create invoice from estimate), which a list of bare strings would not carry with its name.',
    effect: {
      kind: 'patchSchema',
      target: 'components/ListEstimatesResponseDTO',
      patches: [
        {
          at: '/properties/estimates/items',
          replace: { type: 'object', properties: { _id: { type: 'string' }, name: { type: 'string' } }, required: ['_id'] },
        },
      ],
    },
  },
];

// ----- locations.json: custom values and tags by id declare no security (their list and create siblings do)
const unsecured: Array<[string, string, string]> = [
  ['GET /locations/{locationId}/customValues/{id}', 'get-custom-value', 'locations/customValues.readonly'],
  ['PUT /locations/{locationId}/customValues/{id}', 'update-custom-value', 'locations/customValues.write'],
  ['PUT /locations/{locationId}/tags/{tagId}', 'update-tag', 'locations/tags.write'],
  ['DELETE /locations/{locationId}/tags/{tagId}', 'delete-tag', 'locations/tags.write'],
];

moneyDeviations.push(
  ...unsecured.map(([operation, operationId, scope]): SpecDeviation => ({
    id: `locations-${operationId}-no-security`,
    operation,
    what: `No security block, so the spec requires no token or scope; it reads or changes the location's ${scope.includes('tags') ? 'tags' : 'custom values'} like its siblings, which need "${scope}".`,
    evidence:
      `locations.json ${operationId} has no "security" while GET/POST ${operation.includes('tags') ? '/locations/{locationId}/tags' : '/locations/{locationId}/customValues'} ` +
      `declare Location-Access with ${scope.includes('tags') ? 'locations/tags.*' : 'locations/customValues.*'} scopes; every locations.json endpoint needs a bearer token.`,
    effect: { kind: 'requireAuthorization', scopes: [scope] },
  })),
);

// ----- payments.json
moneyDeviations.push(
  ...(
    [
      ['TxnResponseSchema', 'GET /payments/transactions', 'transaction', 'succeeded'],
      ['GetTxnResponseSchema', 'GET /payments/transactions/{transactionId}', 'transaction', 'succeeded'],
      ['SubscriptionResponseSchema', 'GET /payments/subscriptions', 'subscription', 'active'],
    ] as const
  ).map(([dto, operation, noun, example]): SpecDeviation => ({
    id: `payments-${dto.replace(/ResponseSchema$/, '').toLowerCase()}-status-typed-object`,
    operation,
    what: `${dto}.status is typed as an object; the ${noun} status is a string (e.g. "${example}").`,
    evidence: `payments.json ${dto}.status is {type: object} with example "${example}" and the description "The status of the ${noun} (e.g., ${example === 'active' ? 'succeeded' : example})."`,
    effect: { kind: 'patchSchema', target: `components/${dto}`, patches: [{ at: '/properties/status', merge: { type: 'string' } }] },
  })),
  {
    id: 'payments-order-items-typed-strings',
    operation: 'GET /payments/orders/{orderId}',
    what: 'GetOrderResponseSchema.items is typed as an array of strings; each item is an object (its name, qty, price and product).',
    evidence:
      'payments.json GetOrderResponseSchema.items declares items {type: string} while its example is "{ _id: 61dd33e88058b9f967ca79dc, authorizeAmount: 0, ' +
      'locationId: …, name: \\"Sample Product\\": price: {}, product: { name: \\"Testing product\\", productType: \\"SERVICE\\" }}", an object; creating a ' +
      "fulfillment names an item by its price's id (FulfillmentItems.priceId), which only an item object carries.",
    effect: {
      kind: 'patchSchema',
      target: 'components/GetOrderResponseSchema',
      patches: [
        {
          at: '/properties/items/items',
          replace: {
            type: 'object',
            properties: {
              _id: { type: 'string' },
              name: { type: 'string' },
              qty: { type: 'number' },
              price: { type: 'object' },
              product: { type: 'object' },
            },
          },
        },
      ],
    },
  },
);

// ----- objects.json
moneyDeviations.push(
  {
    id: 'objects-record-properties-typed-string',
    operation: 'GET /objects/{schemaKey}/records/{id}',
    what: "A record's properties are typed as a string; they are an object keyed by property (IRecordSchema and RecordResponseDTO).",
    evidence:
      'objects.json IRecordSchema.properties and RecordResponseDTO.properties are {type: string} while their example is the object ' +
      '{"customer_number":1424,"ticket_name":"Customer not able login","phone_number":"+917000000000","money":{"currency":"default","value":100},…}.',
    effect: {
      kind: 'patchSchema',
      target: 'components/IRecordSchema',
      patches: [{ at: '/properties/properties', replace: { type: 'object' } }],
    },
  },
  {
    id: 'objects-searched-record-properties-typed-string',
    operation: 'POST /objects/{schemaKey}/records/search',
    what: "A searched record's properties are typed as a string; they are an object keyed by property.",
    evidence:
      'objects.json RecordResponseDTO.properties is {type: string} with the example object {"customer_number":1424,"ticket_name":…}.',
    effect: {
      kind: 'patchSchema',
      target: 'components/RecordResponseDTO',
      patches: [{ at: '/properties/properties', replace: { type: 'object' } }],
    },
  },
);

// ----- medias.json
moneyDeviations.push({
  id: 'medias-files-typed-strings',
  operation: 'GET /medias/files',
  what: 'GetFilesResponseDTO.files is typed as an array of strings; each file or folder is an object (name, url, type, parentId, …).',
  evidence:
    'medias.json GetFilesResponseDTO.files declares items {type: string} while its example is the object {"altId":"locationId","altType":"location",' +
    '"name":"file name","parentId":"parent folder id","url":"file url","path":"file path"}; FolderDTO describes a folder as an object too.',
  effect: {
    kind: 'patchSchema',
    target: 'components/GetFilesResponseDTO',
    patches: [{ at: '/properties/files/items', replace: { type: 'object' } }],
  },
});

export const specDeviations: readonly SpecDeviation[] = [
  // ----- contacts.json
  {
    id: 'contacts-search-body-empty',
    operation: 'POST /contacts/search',
    what:
      'The request body schema SearchBodyV2DTO is an empty object, so nothing in a Search Contacts body is checked. ' +
      'Replaced by the body HighLevel documents in its "Search Contacts" doc: locationId and pageLimit (≤ 500) ' +
      'required; page, searchAfter (array), filters (array of {field, operator, value} or {group: AND|OR, filters}), ' +
      'sort (array of {field, direction: asc|desc}), query (≤ 75 chars).',
    evidence:
      'contacts.json components.schemas.SearchBodyV2DTO = {"type":"object","properties":{}}; the operation ' +
      '(search-contacts-advanced) links its documentation at doc.clickup.com/8631005/d/h/87cpx-158396/6e629989abe7fad ' +
      '(externalDocs), which documents the fields above (summarised in the project catalog).',
    effect: { kind: 'replaceRequestBody', schema: contactSearchBodySchema },
  },
  {
    id: 'contacts-bulk-tags-type-undeclared',
    operation: 'POST /contacts/bulk/tags/update/{type}',
    what: 'The {type} path parameter is not declared (values add | remove).',
    evidence:
      'The operation (operationId "create-association", a copy-paste name also used in associations.json) declares ' +
      'only the Version header; add|remove is inferred from UpdateTagsDTO.removeAllTags ("Can only be used with remove type").',
    effect: { kind: 'undeclaredPathParam', param: 'type', schema: { type: 'string', enum: ['add', 'remove'] } },
  },
  {
    id: 'contacts-bulk-tags-no-security',
    operation: 'POST /contacts/bulk/tags/update/{type}',
    what: 'No security block, so no token or scope is required by the spec; it changes contacts, like every other write.',
    evidence: 'contacts.json: the only two operations without "security" are this one and POST /contacts/bulk/business.',
    effect: { kind: 'requireAuthorization', scopes: ['contacts.write'] },
  },
  {
    id: 'contacts-bulk-business-no-security',
    operation: 'POST /contacts/bulk/business',
    what: 'No security block (adds/removes contacts to a business, a contacts write).',
    evidence: 'contacts.json: operation add-remove-contact-from-business has no "security"; all other contact writes use contacts.write.',
    effect: { kind: 'requireAuthorization', scopes: ['contacts.write'] },
  },
  {
    id: 'contacts-create-email-format',
    operation: 'POST /contacts/',
    what: 'email is a plain string: the spec does not say it must be an email address. The checker enforces format "email".',
    evidence:
      'CreateContactDto.email = {type: string, nullable, example "rosan@deos.com"}, no "format". HighLevel validates ' +
      'contact emails server-side (422); not verified live by this project.',
    effect: {
      kind: 'patchSchema',
      target: 'components/CreateContactDto',
      patches: [{ at: '/properties/email', merge: { format: 'email' } }],
    },
  },
  {
    id: 'contacts-update-email-format',
    operation: 'PUT /contacts/{contactId}',
    what: 'Same as contacts-create-email-format, for UpdateContactDto.email.',
    evidence: 'UpdateContactDto.email = {type: string, nullable, example "rosan@deos.com"}, no "format".',
    effect: {
      kind: 'patchSchema',
      target: 'components/UpdateContactDto',
      patches: [{ at: '/properties/email', merge: { format: 'email' } }],
    },
  },
  {
    id: 'contacts-upsert-email-format',
    operation: 'POST /contacts/upsert',
    what: 'Same as contacts-create-email-format, for UpsertContactDto.email.',
    evidence: 'UpsertContactDto.email = {type: string, nullable, example "rosan@deos.com"}, no "format".',
    effect: {
      kind: 'patchSchema',
      target: 'components/UpsertContactDto',
      patches: [{ at: '/properties/email', merge: { format: 'email' } }],
    },
  },
  {
    id: 'contacts-create-dob-typed-object',
    operation: 'POST /contacts/',
    what: 'dateOfBirth is typed "object" but is a date string; the schema rejects its own example.',
    evidence:
      'CreateContactDto.dateOfBirth = {type: object, nullable, example "1990-09-25", description "Supported formats: ' +
      'YYYY/MM/DD, MM/DD/YYYY, YYYY-MM-DD, …"}.',
    effect: { kind: 'patchSchema', target: 'components/CreateContactDto', patches: [{ at: '/properties/dateOfBirth', merge: str }] },
  },
  {
    id: 'contacts-update-dob-typed-object',
    operation: 'PUT /contacts/{contactId}',
    what: 'Same as contacts-create-dob-typed-object, for UpdateContactDto.dateOfBirth.',
    evidence: 'UpdateContactDto.dateOfBirth = {type: object, nullable, example "1990-09-25"}.',
    effect: { kind: 'patchSchema', target: 'components/UpdateContactDto', patches: [{ at: '/properties/dateOfBirth', merge: str }] },
  },
  {
    id: 'contacts-upsert-dob-typed-object',
    operation: 'POST /contacts/upsert',
    what: 'Same as contacts-create-dob-typed-object, for UpsertContactDto.dateOfBirth.',
    evidence: 'UpsertContactDto.dateOfBirth = {type: object, nullable, example "1990-09-25"}.',
    effect: { kind: 'patchSchema', target: 'components/UpsertContactDto', patches: [{ at: '/properties/dateOfBirth', merge: str }] },
  },
  {
    id: 'contacts-update-company-name-undeclared',
    operation: 'PUT /contacts/{contactId}',
    what:
      'UpdateContactDto does not declare companyName, although HighLevel accepts it on update (create and upsert declare it). ' +
      'Without it the checker rejects it as undeclared (HighLevel answers 422 "property X should not exist" for those).',
    evidence:
      'GoHighLevel/highlevel-api-docs issue #314 ("companyName is missing from UpdateContactDto", verified live against a ' +
      'sub-account); CreateContactDto and UpsertContactDto declare companyName {type: string}.',
    effect: {
      kind: 'patchSchema',
      target: 'components/UpdateContactDto',
      patches: [{ at: '/properties', merge: { companyName: { type: 'string', nullable: true } } }],
    },
  },
  {
    id: 'contacts-numeric-custom-field-typed-object',
    operation: 'POST /contacts/',
    what:
      'Custom field values of numeric and monetary fields are typed "object" but are numbers, so no customFields ' +
      'item with a number value passes (create, update and upsert contact share these components).',
    evidence:
      'contacts.json NumericField.field_value = {type: object, example 100}; MonetoryField.field_value = {type: object, example 100.5}.',
    effect: {
      kind: 'patchSchema',
      target: 'components/NumericField',
      patches: [{ at: '/properties/field_value', merge: { type: 'number' } }],
    },
  },
  {
    id: 'contacts-monetary-custom-field-typed-object',
    operation: 'POST /contacts/',
    what: 'See contacts-numeric-custom-field-typed-object (MonetoryField).',
    evidence: 'contacts.json MonetoryField.field_value = {type: object, example 100.5}.',
    effect: {
      kind: 'patchSchema',
      target: 'components/MonetoryField',
      patches: [{ at: '/properties/field_value', merge: { type: 'number' } }],
    },
  },
  {
    id: 'contacts-bulk-tags-response-items',
    operation: 'POST /contacts/bulk/tags/update/{type}',
    what: 'UpdateTagsResponseDTO.responses is typed as an array of strings; its example (and the description) are per-contact objects.',
    evidence:
      'UpdateTagsResponseDTO.responses = {type: array, items: {type: string}, example: [{contactId, message: "Tags updated", ' +
      'type: "success", oldTags, tagsAdded, tagsRemoved}, …]}.',
    effect: {
      kind: 'patchSchema',
      target: 'components/UpdateTagsResponseDTO',
      patches: [{ at: '/properties/responses/items', replace: { type: 'object' } }],
    },
  },
  {
    id: 'contacts-custom-field-value-typed-string',
    operation: 'GET /contacts/{contactId}',
    what:
      "A contact's customFields items ({id, value}) type value as a string, but the same fields are written as numbers " +
      '(NUMERICAL, MONETORY) and string arrays (CHECKBOX, MULTIPLE_OPTIONS, TEXTBOX_LIST), and a contact answers the ' +
      'value it stores. Relaxed to string | number | string[] for every contact answer (get, create, update, upsert, lists). ' +
      'Not verified live by this project.',
    evidence:
      'contacts.json CustomFieldSchema.value = {type: string, example "name"} (the one read shape), while the write items ' +
      'the same spec declares type field_value per data type: NumericField {example 100}, MonetoryField {example 100.5}, ' +
      'CheckboxField and MultiSelectField {type: array, items: string, example ["test", "test2"]}.',
    effect: {
      kind: 'patchSchema',
      target: 'components/CustomFieldSchema',
      patches: [{ at: '/properties/value', replace: { anyOf: [str, { type: 'number' }, { type: 'array', items: str }] } }],
    },
  },

  // ----- users.json
  {
    id: 'users-update-userid-undeclared',
    operation: 'PUT /users/{userId}',
    what: 'The {userId} path parameter is not declared.',
    evidence: 'users.json update-user declares only the Version header (GET /users/{userId} does declare userId).',
    effect: { kind: 'undeclaredPathParam', param: 'userId' },
  },
  {
    id: 'users-delete-userid-undeclared',
    operation: 'DELETE /users/{userId}',
    what: 'The {userId} path parameter is not declared.',
    evidence: 'users.json delete-user declares only the Version header.',
    effect: { kind: 'undeclaredPathParam', param: 'userId' },
  },

  // ----- conversations.json
  {
    id: 'conversations-message-id-undeclared',
    operation: 'GET /conversations/messages/{id}',
    what: 'The {id} path parameter is not declared.',
    evidence: 'conversations.json get-message declares only the Version header.',
    effect: { kind: 'undeclaredPathParam', param: 'id' },
  },
  {
    id: 'conversations-email-id-undeclared',
    operation: 'GET /conversations/messages/email/{id}',
    what: 'The {id} path parameter is not declared.',
    evidence: 'conversations.json get-email-by-id declares no parameters at all (no path param, no Version header).',
    effect: { kind: 'undeclaredPathParam', param: 'id' },
  },
  {
    id: 'conversations-email-no-security',
    operation: 'GET /conversations/messages/email/{id}',
    what: 'No security block (reads a message; every other message read needs conversations/message.readonly).',
    evidence: 'conversations.json get-email-by-id has no "security" (and, unlike the rest of the file, no Version header).',
    effect: { kind: 'requireAuthorization', scopes: ['conversations/message.readonly'] },
  },
  {
    id: 'conversations-call-duration-number',
    operation: 'GET /conversations/messages/{id}',
    what: 'meta.callDuration is typed string; its example is a number (seconds).',
    evidence: 'MessageMeta.callDuration = {type: string, description "Call duration in seconds", example 120}.',
    effect: { kind: 'patchSchema', target: 'components/MessageMeta', patches: [{ at: '/properties/callDuration', merge: strOrNumber }] },
  },
  {
    id: 'conversations-typing-is-typing-boolean',
    operation: 'POST /conversations/providers/live-chat/typing',
    what: 'isTyping is typed string; its example is the boolean true. Both are accepted.',
    evidence: 'UserTypingBody.isTyping = {type: string, description "Typing status", example true}.',
    effect: {
      kind: 'patchSchema',
      target: 'components/UserTypingBody',
      patches: [{ at: '/properties/isTyping', merge: { type: ['string', 'boolean'] } }],
    },
  },
  {
    id: 'conversations-send-message-over-required',
    operation: 'POST /conversations/messages',
    what:
      'Send message requires "subType" (typed object) and "status" (a delivery status enum) next to type and contactId. ' +
      'Neither is an input of sending: status is what the answer reports, subType has no documented values.',
    evidence:
      'SendMessageBodyDto.required = [type, subType, contactId, status]; subType = {type: object, example "Email"}; ' +
      'status = {enum [delivered, failed, pending, read], description "Message status"}, the same enum as SendMessageResponseDto.status.',
    effect: { kind: 'relaxRequired', target: 'requestBody', properties: ['subType', 'status'] },
  },

  // ----- calendars.json
  {
    id: 'calendars-note-id-undeclared-update',
    operation: 'PUT /calendars/appointments/{appointmentId}/notes/{noteId}',
    what: 'The {noteId} path parameter is not declared.',
    evidence: 'calendars.json update-appointment-note declares appointmentId only.',
    effect: { kind: 'undeclaredPathParam', param: 'noteId' },
  },
  {
    id: 'calendars-note-id-undeclared-delete',
    operation: 'DELETE /calendars/appointments/{appointmentId}/notes/{noteId}',
    what: 'The {noteId} path parameter is not declared.',
    evidence: 'calendars.json delete-appointment-note declares appointmentId only.',
    effect: { kind: 'undeclaredPathParam', param: 'noteId' },
  },
  {
    id: 'calendars-event-times-typed-object',
    operation: 'GET /calendars/events',
    what: 'Calendar event startTime/endTime/dateAdded/dateUpdated are typed "object" but are ISO date strings (the schema rejects its own examples).',
    evidence:
      'CalendarEventDTO.startTime = {type: object, example "2023-09-25T16:00:00+05:30"} (same for endTime, dateAdded, dateUpdated).',
    effect: {
      kind: 'patchSchema',
      target: 'components/CalendarEventDTO',
      patches: ['startTime', 'endTime', 'dateAdded', 'dateUpdated'].map((p) => ({ at: `/properties/${p}`, merge: str })),
    },
  },
  {
    id: 'calendars-block-slot-times-typed-object',
    operation: 'POST /calendars/events/block-slots',
    what: 'Blocked slot startTime/endTime are typed "object" but are ISO date strings (create and edit block slot responses).',
    evidence: 'BlockedSlotSuccessfulResponseDto.startTime = {type: object, example "2021-06-23T03:30:00+05:30"} (same for endTime).',
    effect: {
      kind: 'patchSchema',
      target: 'components/BlockedSlotSuccessfulResponseDto',
      patches: ['startTime', 'endTime'].map((p) => ({ at: `/properties/${p}`, merge: str })),
    },
  },

  // ----- blogs.json
  {
    id: 'blogs-post-id-undeclared',
    operation: 'PUT /blogs/posts/{postId}',
    what: 'The {postId} path parameter is not declared.',
    evidence: 'blogs.json update-blog-post declares only the Version header.',
    effect: { kind: 'undeclaredPathParam', param: 'postId' },
  },
  {
    id: 'blogs-category-requires-missing-name',
    operation: 'GET /blogs/categories',
    what: 'Category items require "name", a property the schema does not define (it defines "label").',
    evidence: 'CategoryResponseDTO.properties = {_id, label, locationId, updatedAt, canonicalLink, urlSlug}; required = [_id, name, …].',
    effect: { kind: 'relaxRequired', target: 'response:200', at: '/properties/categories/items', properties: ['name'] },
  },

  // ----- opportunities.json
  {
    id: 'opportunities-search-over-required',
    operation: 'POST /opportunities/search',
    what:
      'Every body field is required (locationId, query, limit, page, searchAfter, additionalDetails), although ' +
      'page and searchAfter are alternative paging modes and query/additionalDetails are optional filters. Only locationId stays required.',
    evidence:
      'OpportunitySearchBodyDTO.required lists all six properties; the operation links its documentation ' +
      '(doc.clickup.com/8631005/d/h/87cpx-424216/7bf11bc9b94f80f) which describes page+limit OR searchAfter paging.',
    effect: {
      kind: 'relaxRequired',
      target: 'requestBody',
      properties: ['query', 'limit', 'page', 'searchAfter', 'additionalDetails'],
    },
  },
  {
    id: 'opportunities-upsert-over-required',
    operation: 'POST /opportunities/upsert',
    what:
      'followers, isRemoveAllFollowers and followersActionType are required alongside pipelineId/locationId; they only ' +
      'matter when changing followers. Only pipelineId and locationId stay required.',
    evidence:
      'UpsertOpportunityDto.required = [pipelineId, locationId, followers, isRemoveAllFollowers, followersActionType]; ' +
      'create (CreateDto) and update (UpdateOpportunityDto) require none of the follower fields.',
    effect: { kind: 'relaxRequired', target: 'requestBody', properties: ['followers', 'isRemoveAllFollowers', 'followersActionType'] },
  },
  {
    id: 'opportunities-upsert-monetary-value-object',
    operation: 'POST /opportunities/upsert',
    what: 'monetaryValue is typed "object" in the upsert body; it is a number (example 220), as in create and update.',
    evidence:
      'UpsertOpportunityDto.monetaryValue = {type: object, example 220}; CreateDto/UpdateOpportunityDto.monetaryValue = {type: number, example 220}.',
    effect: {
      kind: 'patchSchema',
      target: 'components/UpsertOpportunityDto',
      patches: [{ at: '/properties/monetaryValue', merge: { type: 'number' } }],
    },
  },
  {
    id: 'opportunities-upsert-contact-id-undeclared',
    operation: 'POST /opportunities/upsert',
    what:
      'UpsertOpportunityDto does not declare contactId, the contact the opportunity is for (and, without an id, the key ' +
      "the upsert matches on). HighLevel's reference page for the operation lists it as a required body field.",
    evidence:
      'marketplace.gohighlevel.com/docs/ghl/opportunities/upsert-opportunity lists body "contactId string required ' +
      '(example LiKJ2vnRg5ETM8Z19K7)" (copy scraped 2025-10-11 in oscarcandoit/support-docs); UpsertOpportunityDto.followers ' +
      'is even described as "contactId". Create (CreateDto) declares contactId. Kept optional here, as the spec does.',
    effect: { kind: 'patchSchema', target: 'components/UpsertOpportunityDto', patches: [{ at: '/properties', merge: { contactId: str } }] },
  },
  {
    id: 'opportunities-search-filters-sort-undeclared',
    operation: 'POST /opportunities/search',
    what:
      'OpportunitySearchBodyDTO declares neither filters (array of {field, operator, value} or {group: AND|OR, filters}) ' +
      'nor sort (array of {field, direction: asc|desc}), which the search guide the operation links documents.',
    evidence:
      'The operation\'s externalDocs (doc.clickup.com/8631005/d/h/87cpx-424216/7bf11bc9b94f80f, "Opportunities Search API") ' +
      'document filters and sort with a sample body (filters [{field: "status", operator: "eq", value: "open"}, {group: "OR", ' +
      'filters: [...]}], sort [{field: "date_added", direction: "desc"}]); copy in leadpiggy/cet-tripbuilder .old_docs.',
    effect: {
      kind: 'patchSchema',
      target: 'requestBody',
      patches: [
        {
          at: '/properties',
          merge: {
            filters: { type: 'array', items: { anyOf: [contactSearchFilter, contactSearchGroup(3)] } },
            sort: (contactSearchBodySchema.properties as Record<string, JsonSchema>).sort,
          },
        },
      ],
    },
  },
  {
    id: 'opportunities-search-index-version',
    operation: 'GET /opportunities/search',
    what: 'indexVersion is typed string; its example is a number.',
    evidence: 'SearchOpportunitiesResponseSchema.indexVersion = {type: string, example 1}.',
    effect: {
      kind: 'patchSchema',
      target: 'components/SearchOpportunitiesResponseSchema',
      patches: [{ at: '/properties/indexVersion', merge: strOrNumber }],
    },
  },
  {
    id: 'opportunities-custom-field-number-values',
    operation: 'POST /opportunities/',
    what:
      'Custom field values are typed string, string[] or object only, so the value of a numeric or monetary opportunity ' +
      'custom field (a number) matches no item schema (create and update opportunity share these components).',
    evidence:
      'opportunities.json customFieldsInputStringSchema.field_value = {type: string}, the other two items array/object; ' +
      'the same field types on contacts are numbers (contacts.json NumericField example 100, MonetoryField example 100.5), ' +
      'and the search guide the spec links filters NUMERICAL/MONETORY opportunity custom fields with numeric ranges.',
    effect: {
      kind: 'patchSchema',
      target: 'components/customFieldsInputStringSchema',
      patches: [{ at: '/properties/field_value', merge: { type: ['string', 'number'] } }],
    },
  },
  {
    id: 'opportunities-pipelines-stage-items-arrays',
    operation: 'GET /opportunities/pipelines',
    what: "A pipeline's stages are typed as an array of arrays; each stage is an object {id, name, position, ...}.",
    evidence:
      'PipelinesResponseSchema.stages = {type: array, items: {type: array}} with no item schema, yet opportunities refer to ' +
      'a stage by one string id (pipelineStageId, example "7915dedc-8f18-44d5-8bc3-77c04e994a10" in CreateDto) and the ' +
      'stage is shown by name in HighLevel; client code for this endpoint types stages as {id, name, position, showInFunnel, showInPieChart}.',
    effect: {
      kind: 'patchSchema',
      target: 'components/PipelinesResponseSchema',
      patches: [
        {
          at: '/properties/stages/items',
          replace: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              position: { type: 'number' },
              showInFunnel: { type: 'boolean' },
              showInPieChart: { type: 'boolean' },
            },
            required: ['id'],
          },
        },
      ],
    },
  },

  // ----- associations.json
  {
    id: 'associations-labels-typed-object-response',
    operation: 'GET /associations/{associationId}',
    what:
      'Association labels, object keys and associationType are typed "object" but are strings (every association response ' +
      'uses this schema, and rejects its own examples).',
    evidence:
      'GetPostSuccessfulResponseDto.firstObjectLabel = {type: object, example "student"}; firstObjectKey example ' +
      '"custom_objects.children"; secondObjectLabel "Teacher"; secondObjectKey "contact"; associationType "USER_DEFINED".',
    effect: {
      kind: 'patchSchema',
      target: 'components/GetPostSuccessfulResponseDto',
      patches: ['firstObjectLabel', 'firstObjectKey', 'secondObjectLabel', 'secondObjectKey', 'associationType'].map((p) => ({
        at: `/properties/${p}`,
        merge: str,
      })),
    },
  },
  {
    id: 'associations-labels-typed-object-create',
    operation: 'POST /associations/',
    what: 'Create Association body: labels and object keys typed "object" but sent as strings.',
    evidence:
      'createAssociationReqDto.firstObjectLabel = {type: object, example "student"} (same for firstObjectKey, secondObjectLabel, secondObjectKey).',
    effect: {
      kind: 'patchSchema',
      target: 'components/createAssociationReqDto',
      patches: ['firstObjectLabel', 'firstObjectKey', 'secondObjectLabel', 'secondObjectKey'].map((p) => ({
        at: `/properties/${p}`,
        merge: str,
      })),
    },
  },
  {
    id: 'associations-labels-typed-object-update',
    operation: 'PUT /associations/{associationId}',
    what: 'Update Association body: labels typed "object" but sent as strings.',
    evidence: 'UpdateAssociationReqDto.firstObjectLabel = {type: object, example "student"}; secondObjectLabel example "tutor".',
    effect: {
      kind: 'patchSchema',
      target: 'components/UpdateAssociationReqDto',
      patches: ['firstObjectLabel', 'secondObjectLabel'].map((p) => ({ at: `/properties/${p}`, merge: str })),
    },
  },
  {
    id: 'associations-list-not-array',
    operation: 'GET /associations/',
    what:
      'Get all associations (paged with skip/limit) is typed as ONE association object, not a list. Accepted: a bare ' +
      'array of associations, or an object with an "associations" array (the wrapper key is not documented; unverified live).',
    evidence:
      'find-associations 200 → $ref GetPostSuccessfulResponseDto (a single association with required id, key, labels…), while the query takes skip and limit.',
    effect: {
      kind: 'replaceResponse',
      status: 200,
      schema: {
        anyOf: [
          { type: 'array', items: associationItemRef },
          {
            type: 'object',
            properties: { associations: { type: 'array', items: associationItemRef }, total: { type: 'number' } },
            required: ['associations'],
          },
        ],
      },
    },
  },
  {
    id: 'associations-relations-list-not-array',
    operation: 'GET /associations/relations/{recordId}',
    what:
      'Get relations by record is typed as one association DEFINITION (key, labels), not a list of relations ' +
      '(associationId, firstRecordId, secondRecordId). Accepted: a bare array of relations or an object with a ' +
      '"relations" array (wrapper key undocumented; unverified live).',
    evidence:
      'get-relations-by-record-id 200 → $ref GetPostSuccessfulResponseDto; the query takes skip/limit/associationIds; ' +
      'a relation is created from createRelationReqDto {locationId, associationId, firstRecordId, secondRecordId}.',
    effect: {
      kind: 'replaceResponse',
      status: 200,
      schema: {
        anyOf: [
          { type: 'array', items: relationItem },
          {
            type: 'object',
            properties: { relations: { type: 'array', items: relationItem }, total: { type: 'number' } },
            required: ['relations'],
          },
        ],
      },
    },
  },
  {
    id: 'associations-create-relation-response',
    operation: 'POST /associations/relations',
    what: 'Create relation is answered with an association DEFINITION (key, labels, object keys), not the relation it created.',
    evidence:
      'create-relation 201 → $ref GetPostSuccessfulResponseDto (required key, firstObjectLabel…), while the body is createRelationReqDto {associationId, firstRecordId, secondRecordId}.',
    effect: { kind: 'replaceResponse', status: 201, schema: { anyOf: [relationItem, associationItemRef] } },
  },
  {
    id: 'associations-delete-relation-response',
    operation: 'DELETE /associations/relations/{relationId}',
    what: 'Delete relation is answered with an association DEFINITION, not the deleted relation (or a deletion status).',
    evidence:
      'delete-relation 200 → $ref GetPostSuccessfulResponseDto (required key, firstObjectLabel…); the request names only relationId and locationId.',
    effect: { kind: 'replaceResponse', status: 200, schema: { anyOf: [relationItem, associationItemRef] } },
  },

  // ----- locations.json
  {
    id: 'locations-task-search-items-arrays',
    operation: 'POST /locations/{locationId}/tasks/search',
    what:
      'The task search response types "tasks" as an array of ARRAYS (items: {type: array}); the items are task ' +
      'records (objects). Accepted: an array of objects (fields unspecified: the spec gives none).',
    evidence:
      'locations.json LocationTaskListSuccessfulResponseDto = {tasks: {type: array, items: {type: array}}} (a generator ' +
      'artifact of an untyped list); the per-contact list (contacts.json TasksListSuccessfulResponseDto) has items TaskSchema objects.',
    effect: {
      kind: 'patchSchema',
      target: 'components/LocationTaskListSuccessfulResponseDto',
      patches: [{ at: '/properties/tasks/items', replace: { type: 'object' } }],
    },
  },
  {
    id: 'locations-timezones-location-id-undeclared',
    operation: 'GET /locations/{locationId}/timezones',
    what: 'The {locationId} path parameter is not declared.',
    evidence: 'locations.json GET /locations/{locationId}/timezones declares only the Version header.',
    effect: { kind: 'undeclaredPathParam', param: 'locationId' },
  },

  // ----- conversations.json (inbound message)
  {
    id: 'conversations-inbound-direction-typed-as-object',
    operation: 'POST /conversations/messages/inbound',
    what:
      'The optional "direction" of an inbound message is typed "object", yet its default is the string "outbound" and its ' +
      'example the list ["outbound", "inbound"]: it is one of those two strings.',
    evidence:
      'conversations.json ProcessMessageBodyDto.direction = {type: object, default: "outbound", example: ["outbound", "inbound"], ' +
      'description "Message direction, if required can be set manually, default is outbound"}.',
    effect: {
      kind: 'patchSchema',
      target: 'requestBody',
      patches: [{ at: '/properties/direction', replace: { type: 'string', enum: ['outbound', 'inbound'], default: 'outbound' } }],
    },
  },

  // ----- store.json
  ...['ShippingZoneCountryDto:code:POST /store/shipping-zone', 'StoreShippingOriginDto:country:POST /store/store-setting'].map(
    (entry): SpecDeviation => {
      const [dto, property, operation] = entry.split(':');
      return {
        id: `store-${dto.replace(/Dto$/, '').replace(/[A-Z]/g, (c, i) => `${i ? '-' : ''}${c.toLowerCase()}`)}-country-code-typed-as-number`,
        operation,
        what:
          `${dto}.${property} is typed "number" with an enum whose only value is the LIST of 247 ISO country codes, so no value ` +
          'can satisfy it; it is a two-letter country code (string). Accepted: a string of two capital letters.',
        evidence:
          `store.json components ${dto}.${property} = {type: number, enum: [["US", "CA", ...]], description "Country code", example "US"} ` +
          '(a generator artifact: the enum array wrapped once more); the example and description give a country code string.',
        effect: {
          kind: 'patchSchema',
          target: `components/${dto}`,
          patches: [
            {
              at: `/properties/${property}`,
              replace: { type: 'string', pattern: '^[A-Z]{2}$', description: 'Two-letter ISO country code, e.g. US.', example: 'US' },
            },
          ],
        },
      };
    },
  ),

  // ----- custom-fields.json
  {
    id: 'custom-fields-folders-typed-as-fields',
    operation: 'GET /custom-fields/object-key/{objectKey}',
    what: 'The "folders" of an object are typed as custom FIELDS (requiring dataType, fieldKey, parentId…), not as folders.',
    evidence:
      'CustomFieldsResponseDTO.folders = {description "Custom Fields folder for the object", items $ref ICustomField}; ' +
      'the same file defines ICustomFieldFolder {id, objectKey, locationId, name}, which the folder endpoints return.',
    effect: {
      kind: 'patchSchema',
      target: 'response:200',
      patches: [{ at: '/properties/folders/items', replace: { $ref: '#/components/schemas/ICustomFieldFolder' } }],
    },
  },

  // ----- other undeclared path parameters
  {
    id: 'social-bulk-delete-location-id-undeclared',
    operation: 'POST /social-media-posting/{locationId}/posts/bulk-delete',
    what: 'The {locationId} path parameter is not declared.',
    evidence: 'social-media-posting.json POST /social-media-posting/{locationId}/posts/bulk-delete declares no path parameter.',
    effect: { kind: 'undeclaredPathParam', param: 'locationId' },
  },
  {
    id: 'ad-manager-linkedin-form-account-id-undeclared',
    operation: 'POST /ad-publishing/linkedin/{accountId}/form',
    what: 'The {accountId} path parameter is not declared.',
    evidence: 'ad-manager.json POST /ad-publishing/linkedin/{accountId}/form declares no path parameter.',
    effect: { kind: 'undeclaredPathParam', param: 'accountId' },
  },

  // ----- links.json: dangling $refs
  ...(['GET /links/id/{linkId}', 'GET /links/search'] as const).flatMap((operation): SpecDeviation[] =>
    (
      [
        [400, 'BadRequestDTO'],
        [401, 'UnauthorizedDTO'],
      ] as const
    ).map(([status, dto]) => ({
      id: `links-${operation.includes('search') ? 'search' : 'get-by-id'}-${status}-dangling-ref`,
      operation,
      what: `Response ${status} refers to #/components/schemas/${dto}, which links.json does not define; it is the shared ${dto} of common-schemas.json.`,
      evidence: `links.json components.schemas has no ${dto}; every other spec refers to ../common/common-schemas.json#/components/schemas/${dto}.`,
      effect: { kind: 'replaceResponse', status, schema: { $ref: `../common/common-schemas.json#/components/schemas/${dto}` } },
    })),
  ),
  // ----- multipart uploads: the file parts the specs leave out of their form schemas
  {
    id: 'conversations-upload-file-attachment-part-undeclared',
    operation: 'POST /conversations/messages/upload',
    what: 'The form (UploadFilesDto) declares no file part; the files go in parts named "fileAttachment".',
    evidence:
      'conversations.json upload-file-attachments description: "The files need to be a buffer with the key \\"fileAttachment\\"", ' +
      'while its multipart schema UploadFilesDto lists only conversationId, contactId, locationId, attachmentUrls, chatServiceSid, isGroupSms.',
    effect: {
      kind: 'patchSchema',
      target: 'requestBody',
      patches: [{ at: '/properties', merge: { fileAttachment: { type: 'string', format: 'binary', description: 'The file to upload.' } } }],
    },
  },
  {
    id: 'forms-upload-custom-files-body-undeclared',
    operation: 'POST /forms/upload-custom-files',
    what:
      'The multipart body has no schema; it carries one or more file parts, each named "<custom field id>_<file id>" ' +
      '(file id: any unique id). Accepted: file parts only, at least one, named <something>_<something>.',
    evidence:
      'forms.json upload-to-custom-fields requestBody content {"multipart/form-data": {}} (no schema); its description: "The files need to ' +
      'be a buffer with the key \\"< custom_field_id >_< file_id >\\" ... There is support for multiple file uploads as well".',
    effect: {
      kind: 'replaceRequestBody',
      contentType: 'multipart/form-data',
      schema: {
        type: 'object',
        description:
          'Each file in a part named "<custom field ID>_<file ID>": the ID of the contact\'s file custom field, an underscore, and any unique ID of your choice (e.g. abc123_1).',
        minProperties: 1,
        propertyNames: { pattern: '^[^_]+_.+$' },
        additionalProperties: { type: 'string', format: 'binary' },
      },
    },
  },
  {
    id: 'locations-custom-field-upload-file-parts-undeclared',
    operation: 'POST /locations/{locationId}/customFields/upload',
    what: 'The form (FileUploadBody) declares only id and maxFiles; the files themselves go in parts named as the caller chooses.',
    evidence:
      'locations.json FileUploadResponseDto examples: uploadedFiles {"FileName.csv": <url>} and meta [{"fieldname": "FileName.csv", ' +
      '"originalname": "FileName.csv", "mimetype": "text/csv", ...}] — "fieldname" (multer\'s name of the form part) is the file\'s own ' +
      'name, and the answer is keyed by it: file parts of any name are taken.',
    effect: {
      kind: 'patchSchema',
      target: 'requestBody',
      patches: [
        {
          at: '',
          merge: {
            description: "Each file in a part of its own; the part name keys the answer's uploadedFiles (e.g. the file name).",
            additionalProperties: { type: 'string', format: 'binary' },
          },
        },
      ],
    },
  },
  {
    id: 'social-upload-csv-file-not-required',
    operation: 'POST /social-media-posting/{locationId}/csv',
    what: 'The CSV file part is not marked required, although it is the only thing the form carries. Accepted: file required.',
    evidence:
      'social-media-posting.json upload-csv ("Upload CSV") body UploadCSVDTO = {properties: {file: {type: string, format: binary}}} ' +
      'with no "required": a request without the file uploads nothing.',
    effect: { kind: 'patchSchema', target: 'requestBody', patches: [{ at: '', merge: { required: ['file'] } }] },
  },
  // ----- invoices, estimates, payments, products, objects, media (moneyDeviations above)
  ...moneyDeviations,
];
