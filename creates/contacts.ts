import { contactsApi } from '../src/api/contacts';
import { createAction } from '../src/factories/create';
import { deleteAction } from '../src/factories/delete';
import { Context, Input, Item, requestFromInput } from '../src/factories/operation';
import { contactIdField, tagsField } from '../src/fields/common';
import {
  businessIdField,
  contactFields,
  contactIdsField,
  contactOutputFields,
  contactSample,
  sourceUpdatedAtField,
} from '../src/fields/contact';
import { optional, required } from '../src/fields/field';
import * as v from '../src/fields/values';
import { checkConflict } from './contactConflicts';

/** What a contact write compares with HighLevel's answer (src/unsaved.ts). */
const CONTACT_UNSAVED = { email: 'email', phone: 'phone', firstName: 'text', lastName: 'text', companyName: 'text', tags: 'tags' } as const;

const tagsResultFields = [
  { key: 'id', label: 'Contact ID' },
  { key: 'tags', label: 'Tags' },
];

/** The fields of which Create Contact needs one: what tells a contact apart. */
const CONTACT_IDENTITY = ['email', 'phone', 'firstName', 'lastName', 'name'];

export const createContact = createAction({
  key: 'create_contact',
  noun: 'Contact',
  label: 'Create Contact',
  description: 'Creates a new contact. If your location blocks duplicates, use "Create or Update Contact" instead.',
  endpoint: contactsApi.createContact,
  fields: contactFields,
  // HighLevel's v2 spec requires only locationId (CreateContactDto), so an empty step would create an empty contact;
  // its v1 API refused a contact without email or phone. A name alone still makes a contact one can find.
  fillInOneOf: CONTACT_IDENTITY,
  resultKey: 'contact',
  sample: contactSample,
  outputFields: contactOutputFields,
  customFields: 'contact',
  unsaved: CONTACT_UNSAVED,
});

/** Reads HighLevel's copy (if the conflict policy is on), applies the policy, then writes. */
function conflictChecked(
  label: string,
  readCurrent: (fields: Input, ctx: Context) => Promise<Item | null | undefined>,
  write: (fields: Input, ctx: Context) => Promise<Item>,
  unchangedResult: (current: Item) => Item = (current) => current,
) {
  return async ({ sourceUpdatedAt, ...fields }: Input, ctx: Context): Promise<Item> => {
    if (sourceUpdatedAt) {
      const unchanged = await checkConflict(ctx, label, await readCurrent(fields, ctx), fields, sourceUpdatedAt);
      if (unchanged) return unchangedResult(unchanged);
    }
    return write(fields, ctx);
  };
}

export const updateContact = createAction({
  key: 'update_contact',
  noun: 'Contact',
  label: 'Update Contact',
  description: 'Updates an existing contact. Only the fields you fill in are changed.',
  endpoint: contactsApi.updateContact,
  alsoCalls: [contactsApi.getContact, contactsApi.addTags, contactsApi.createNote],
  fields: [contactIdField, ...contactFields, sourceUpdatedAtField],
  perform: conflictChecked(
    'Update Contact',
    async ({ contactId }, ctx) => (await ctx.call(contactsApi.getContact, { path: { contactId } }))?.contact,
    async (fields, ctx) => (await ctx.call(contactsApi.updateContact, requestFromInput(contactsApi.updateContact, fields)))?.contact ?? {},
  ),
  resultKey: 'contact',
  sample: contactSample,
  outputFields: contactOutputFields,
  customFields: 'contact',
  unsaved: CONTACT_UNSAVED,
});

export const upsertContact = createAction({
  key: 'upsert_contact',
  noun: 'Contact',
  label: 'Create or Update Contact',
  description: "Updates the contact with this email or phone (as your location's duplicate settings decide), or creates it.",
  endpoint: contactsApi.upsertContact,
  alsoCalls: [contactsApi.getDuplicateContact, contactsApi.updateContact, contactsApi.addTags, contactsApi.createNote],
  fields: [...contactFields, sourceUpdatedAtField],
  // HighLevel matches the contact to update by email or phone (the location's duplicate settings); without either
  // the upsert would create an empty or name-only duplicate each time.
  fillInOneOf: ['email', 'phone'],
  perform: async (input, ctx) => {
    // HighLevel's upsert matches an email among a contact's additional emails too, and makes it the primary email:
    // the old primary would be lost. Such a contact is updated by its id instead, its primary email kept.
    const byEmail = input.email ? await duplicateOf(ctx, { email: input.email }) : undefined;
    if (byEmail?.id && byEmail.email && String(byEmail.email).trim().toLowerCase() !== String(input.email).trim().toLowerCase()) {
      const { email: _additional, ...rest } = input;
      const result = await keepPrimaryEmail(byEmail)(rest, ctx);
      return {
        ...result,
        warning:
          `The Email (email) is an additional email of contact ${byEmail.id}: that contact was updated and its primary email kept ` +
          "(HighLevel's upsert would have made this email the primary one).",
      };
    }
    return upsertWithConflictCheck(input, ctx);
  },
  resultKey: 'contact',
  sample: { ...contactSample, isNew: true },
  outputFields: [...contactOutputFields, { key: 'isNew', label: 'Was Created', type: 'boolean' }],
  customFields: 'contact',
  unsaved: CONTACT_UNSAVED,
});

// One duplicate search per query and step: the additional-email check and the conflict policy share it.
const duplicates = new WeakMap<object, Map<string, Promise<Item | undefined>>>();
function duplicateOf(ctx: Context, query: { email?: string; number?: string }): Promise<Item | undefined> {
  let memo = duplicates.get(ctx.bundle);
  if (!memo) duplicates.set(ctx.bundle, (memo = new Map()));
  const key = JSON.stringify(query);
  if (!memo.has(key)) {
    memo.set(
      key,
      ctx.call(contactsApi.getDuplicateContact, { query }, { notFoundAsNull: true }).then((d) => d?.contact ?? undefined),
    );
  }
  return memo.get(key)!;
}

/** Create or Update Contact for a contact found by one of its additional emails: an update by id, email left out. */
function keepPrimaryEmail(current: Item) {
  return conflictChecked(
    'Create or Update Contact',
    async () => current,
    async (fields, ctx) => ({
      ...(await ctx.call(contactsApi.updateContact, requestFromInput(contactsApi.updateContact, { ...fields, contactId: current.id })))
        ?.contact,
      isNew: false,
    }),
    (same) => ({ ...same, isNew: false }),
  );
}

const upsertWithConflictCheck = conflictChecked(
  'Create or Update Contact',
  // The contact the upsert would update: HighLevel's duplicate search by email, then by phone (the location's
  // duplicate settings may match on either).
  async ({ email, phone }, ctx) => {
    for (const query of [email && { email }, phone && { number: phone }]) {
      if (!query) continue;
      const found = await duplicateOf(ctx, query);
      if (found) return found;
    }
    return undefined;
  },
  async (fields, ctx) => {
    const data = await ctx.call(contactsApi.upsertContact, { body: fields });
    return { ...data?.contact, isNew: Boolean(data?.new) };
  },
  (current) => ({ ...current, isNew: false }),
);

export const deleteContact = deleteAction({
  key: 'delete_contact',
  noun: 'Contact',
  description: 'Deletes a contact from HighLevel, with its tasks and notes. This cannot be undone.',
  endpoint: contactsApi.deleteContact,
  fields: [{ ...contactIdField, helpText: 'The contact to delete. Pick one, search for it, or map a contact ID.' }],
  idKey: 'contactId',
  answer: { succeded: true },
  sampleIds: { id: 'seD4PfOuKoVMLkEZqohJ' },
});

export const addContactTags = createAction({
  key: 'add_contact_tags',
  noun: 'Tags',
  label: 'Add Tags to Contact',
  description: 'Adds tags to a contact, keeping the tags it already has.',
  endpoint: contactsApi.addTags,
  fields: [contactIdField, required({ ...tagsField, helpText: 'Tags to add. New tags are created.' })],
  result: (data, input) => ({ id: input.contactId, tags: data.tags ?? input.tags }),
  resultKey: undefined,
  sample: { id: 'seD4PfOuKoVMLkEZqohJ', tags: ['lead', 'plumbing', 'quote-sent'] },
  outputFields: tagsResultFields,
});

export const removeContactTags = createAction({
  key: 'remove_contact_tags',
  noun: 'Tags',
  label: 'Remove Tags from Contact',
  description: 'Removes tags from a contact.',
  endpoint: contactsApi.removeTags,
  fields: [contactIdField, required({ ...tagsField, helpText: 'Tags to remove. Tags the contact does not have are ignored.' })],
  // DELETE with a JSON body, as HighLevel declares it.
  request: (input) => ({ path: { contactId: input.contactId }, body: { tags: input.tags } }),
  result: (data, input) => ({ id: input.contactId, tags: data.tags ?? [] }),
  sample: { id: 'seD4PfOuKoVMLkEZqohJ', tags: ['lead'] },
  outputFields: tagsResultFields,
});

/** Per-contact failures HighLevel reports in a bulk answer, as `contactId: message` (no contact data). */
function bulkFailures(responses: unknown): string[] {
  return (Array.isArray(responses) ? responses : [])
    .filter((r) => r && typeof r === 'object' && r.type === 'error')
    .map((r) => `${r.contactId}: ${r.message ?? 'failed'}`);
}

export const bulkUpdateContactTags = createAction({
  key: 'bulk_update_contact_tags',
  noun: 'Tags',
  label: 'Bulk Update Contact Tags',
  description: 'Adds tags to, or removes tags from, many contacts in one step.',
  endpoint: contactsApi.bulkUpdateTags,
  fields: [
    {
      key: 'type',
      label: 'Change',
      helpText: 'Add the tags to every contact, or remove them.',
      schema: v.oneOf(['add', 'remove']),
      required: true,
      choices: { add: 'Add tags', remove: 'Remove tags' },
    },
    contactIdsField,
    optional({ ...tagsField, helpText: 'The tags to add or remove. Needed unless "Remove All Tags" is Yes.' }),
    {
      key: 'removeAllTags',
      label: 'Remove All Tags',
      helpText: 'Only with "Remove tags": Yes removes every tag from the contacts, whatever Tags says.',
      schema: v.bool(),
      type: 'boolean',
    },
  ],
  request: ({ type, contactIds, tags, removeAllTags }, { z }) => {
    if (removeAllTags && type !== 'remove') {
      throw new z.errors.Error(
        'Bulk Update Contact Tags: invalid input. Remove All Tags (removeAllTags) only works with Change = Remove tags.',
        'InvalidInput',
        400,
      );
    }
    if (!tags?.length && !removeAllTags) {
      throw new z.errors.Error(
        'Bulk Update Contact Tags: invalid input. Tags (tags) is required unless Remove All Tags is Yes.',
        'InvalidInput',
        400,
      );
    }
    return { path: { type }, body: { contacts: contactIds, tags: tags ?? [], ...(removeAllTags ? { removeAllTags: true } : {}) } };
  },
  result: (data, input, { z }) => {
    const failed = bulkFailures(data.responses);
    // Nothing changed at all: say why instead of reporting success.
    if (data.succeded === false || (failed.length && failed.length >= input.contactIds.length)) {
      throw new z.errors.Error(
        `Bulk Update Contact Tags: HighLevel changed no contact. ${failed.join('; ')}`.trim(),
        'HighLevelBulkFailed',
        400,
      );
    }
    return {
      id: `${input.type}:${input.contactIds.join(',')}`.slice(0, 200),
      type: input.type,
      succeded: data.succeded ?? true,
      errorCount: data.errorCount ?? failed.length,
      failures: failed,
      responses: data.responses ?? [],
    };
  },
  sample: {
    id: 'add:seD4PfOuKoVMLkEZqohJ,qFSqySFkVvNzOSqgGqFi',
    type: 'add',
    succeded: true,
    errorCount: 0,
    failures: [],
    responses: [
      {
        contactId: 'seD4PfOuKoVMLkEZqohJ',
        message: 'Tags updated',
        type: 'success',
        oldTags: ['lead'],
        tagsAdded: ['vip'],
        tagsRemoved: [],
      },
    ],
  },
  outputFields: [
    { key: 'id', label: 'Request ID' },
    { key: 'type', label: 'Change' },
    { key: 'succeded', label: 'Succeeded', type: 'boolean' },
    { key: 'errorCount', label: 'Failed Contacts Count', type: 'integer' },
    { key: 'failures', label: 'Failures' },
  ],
});

export const bulkUpdateContactBusiness = createAction({
  key: 'bulk_update_contact_business',
  noun: 'Business',
  label: 'Assign Contacts to Business',
  description: 'Adds many contacts to a business (company record), or removes them from their business.',
  endpoint: contactsApi.bulkUpdateBusiness,
  fields: [
    {
      key: 'change',
      label: 'Change',
      helpText: 'Assign the contacts to the business below, or remove them from any business.',
      schema: v.oneOf(['assign', 'remove']),
      required: true,
      choices: { assign: 'Assign to business', remove: 'Remove from business' },
      default: 'assign',
    },
    contactIdsField,
    { ...optional(businessIdField), helpText: 'The business to assign the contacts to. Needed for "Assign to business".' },
  ],
  request: ({ change, contactIds, businessId }, { z }) => {
    if (change === 'assign' && !businessId) {
      throw new z.errors.Error(
        'Assign Contacts to Business: invalid input. Business (businessId) is required to assign contacts.',
        'InvalidInput',
        400,
      );
    }
    // HighLevel's body takes businessId: null to remove the contacts from their business.
    return { body: { ids: contactIds, businessId: change === 'assign' ? businessId : null } };
  },
  result: (data, input) => ({
    id: `${input.change}:${input.businessId ?? 'none'}:${input.contactIds.join(',')}`.slice(0, 200),
    success: data.success ?? true,
    businessId: input.change === 'assign' ? input.businessId : null,
    ids: data.ids ?? [],
  }),
  sample: {
    id: 'assign:63b7ec34ea409a9a8bd2a4ff:seD4PfOuKoVMLkEZqohJ',
    success: true,
    businessId: '63b7ec34ea409a9a8bd2a4ff',
    ids: ['seD4PfOuKoVMLkEZqohJ'],
  },
  outputFields: [
    { key: 'id', label: 'Request ID' },
    { key: 'success', label: 'Succeeded', type: 'boolean' },
    { key: 'businessId', label: 'Business ID' },
    { key: 'ids', label: 'Updated Contact IDs' },
  ],
});
