import type { JsonSchema, SpecDeviation } from './deviations';

// Spec defects met by the invoices, estimates, payments, products, objects and media operations (issue 14), kept
// beside the main list (deviations.ts spreads them in) so that domains added in parallel do not edit one list.

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

export const moneyDeviations: SpecDeviation[] = [
  // ----- invoices.json
  ...invoiceResponses.map(
    ([dto, operation]): SpecDeviation => ({
      id: `invoices-${dto.replace(/Dto$/, '').replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}-items-typed-strings`,
      operation,
      what: `${dto}.invoiceItems is typed as an array of strings; each item is an object (name, amount, qty, currency, taxes, …).`,
      evidence:
        `invoices.json ${dto}.invoiceItems declares items {type: string} while its own example is ` +
        '[{"taxes":[],"_id":"c6tZZU0rJBf30ZXx9Gli","productId":…,"currency":"USD","name":"Macbook Pro","qty":1,"amount":…}], and the items an ' +
        'invoice is created with are InvoiceItemDto objects (CreateInvoiceDto.items).',
      effect: { kind: 'patchSchema', target: `components/${dto}`, patches: [{ at: '/properties/invoiceItems/items', replace: lineItem }] },
    }),
  ),
  {
    id: 'invoices-estimate-items-typed-arrays',
    operation: 'POST /invoices/estimate',
    what: 'EstimateResponseDto.items is typed as an array of arrays; each item is an object like an invoice line item.',
    evidence:
      'invoices.json EstimateResponseDto.items declares items {type: array} while its own example is [{"taxes":[],"taxInclusive":false,"_id":…,' +
      '"currency":"USD","amount":9.99,"qty":1,"name":"TEST","type":"one_time"}, …]; estimates are created with EstimateLineItemDto objects.',
    effect: { kind: 'patchSchema', target: 'components/EstimateResponseDto', patches: [{ at: '/properties/items/items', replace: lineItem }] },
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
      patches: [{ at: '/properties/estimates/items', replace: { type: 'object', properties: { _id: { type: 'string' }, name: { type: 'string' } }, required: ['_id'] } }],
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
  ...unsecured.map(
    ([operation, operationId, scope]): SpecDeviation => ({
      id: `locations-${operationId}-no-security`,
      operation,
      what: `No security block, so the spec requires no token or scope; it reads or changes the location's ${scope.includes('tags') ? 'tags' : 'custom values'} like its siblings, which need "${scope}".`,
      evidence:
        `locations.json ${operationId} has no "security" while GET/POST ${operation.includes('tags') ? '/locations/{locationId}/tags' : '/locations/{locationId}/customValues'} ` +
        `declare Location-Access with ${scope.includes('tags') ? 'locations/tags.*' : 'locations/customValues.*'} scopes; every locations.json endpoint needs a bearer token.`,
      effect: { kind: 'requireAuthorization', scopes: [scope] },
    }),
  ),
);

// ----- payments.json
moneyDeviations.push(
  ...(
    [
      ['TxnResponseSchema', 'GET /payments/transactions', 'transaction', 'succeeded'],
      ['GetTxnResponseSchema', 'GET /payments/transactions/{transactionId}', 'transaction', 'succeeded'],
      ['SubscriptionResponseSchema', 'GET /payments/subscriptions', 'subscription', 'active'],
    ] as const
  ).map(
    ([dto, operation, noun, example]): SpecDeviation => ({
      id: `payments-${dto.replace(/ResponseSchema$/, '').toLowerCase()}-status-typed-object`,
      operation,
      what: `${dto}.status is typed as an object; the ${noun} status is a string (e.g. "${example}").`,
      evidence: `payments.json ${dto}.status is {type: object} with example "${example}" and the description "The status of the ${noun} (e.g., ${example === 'active' ? 'succeeded' : example})."`,
      effect: { kind: 'patchSchema', target: `components/${dto}`, patches: [{ at: '/properties/status', merge: { type: 'string' } }] },
    }),
  ),
  {
    id: 'payments-order-items-typed-strings',
    operation: 'GET /payments/orders/{orderId}',
    what: "GetOrderResponseSchema.items is typed as an array of strings; each item is an object (its name, qty, price and product).",
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
            properties: { _id: { type: 'string' }, name: { type: 'string' }, qty: { type: 'number' }, price: { type: 'object' }, product: { type: 'object' } },
          },
        },
      ],
    },
  },
);

// ----- objects.json
moneyDeviations.push({
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
}, {
  id: 'objects-searched-record-properties-typed-string',
  operation: 'POST /objects/{schemaKey}/records/search',
  what: "A searched record's properties are typed as a string; they are an object keyed by property.",
  evidence: 'objects.json RecordResponseDTO.properties is {type: string} with the example object {"customer_number":1424,"ticket_name":…}.',
  effect: { kind: 'patchSchema', target: 'components/RecordResponseDTO', patches: [{ at: '/properties/properties', replace: { type: 'object' } }] },
});

// ----- medias.json
moneyDeviations.push({
  id: 'medias-files-typed-strings',
  operation: 'GET /medias/files',
  what: 'GetFilesResponseDTO.files is typed as an array of strings; each file or folder is an object (name, url, type, parentId, …).',
  evidence:
    'medias.json GetFilesResponseDTO.files declares items {type: string} while its example is the object {"altId":"locationId","altType":"location",' +
    '"name":"file name","parentId":"parent folder id","url":"file url","path":"file path"}; FolderDTO describes a folder as an object too.',
  effect: { kind: 'patchSchema', target: 'components/GetFilesResponseDTO', patches: [{ at: '/properties/files/items', replace: { type: 'object' } }] },
});
