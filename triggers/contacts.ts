import { contactsApi } from '../src/api/contacts';
import { collectPages, offsetPages } from '../src/client';
import { Item } from '../src/factories/operation';
import { pollingTrigger } from '../src/factories/trigger';
import { appointmentOutput, zapTimeZone } from '../src/fields/appointment';
import { contactIdField } from '../src/fields/common';
import {
  businessIdField,
  contactAppointmentOutputFields,
  contactAppointmentSample,
  contactOutputFields,
  contactSample,
  searchedContacts,
} from '../src/fields/contact';
import * as v from '../src/fields/values';

const PAGE = 100;
const contacts = searchedContacts;

/** New Contact: one request per poll, HighLevel sorts by date added, newest first. */
export const newContactTrigger = pollingTrigger({
  key: 'new_contact',
  noun: 'Contact',
  label: 'New Contact',
  description: 'Triggers when a new contact is added to your HighLevel location.',
  endpoint: contactsApi.searchContacts,
  fields: [],
  request: (_input, { limit, page }) => ({ body: { pageLimit: limit, page: page + 1, sort: [{ field: 'dateAdded', direction: 'desc' }] } }),
  items: searchedContacts,
  serverSorted: { key: (c) => c.dateAdded },
  resultKey: 'contacts',
  sample: contactSample,
  outputFields: contactOutputFields,
  customFields: 'contact',
});

// The spec's Search Contacts body schema (SearchBodyV2DTO) is empty: the sort field `dateUpdated` and the tags
// filter come from HighLevel's "Search Contacts" doc linked from the spec (see contract/deviations.ts).
const byDateUpdated = [{ field: 'dateUpdated', direction: 'desc' }];

/**
 * Updated Contact: one request per poll, most recently changed first. Each change is its own item (id =
 * contact id + dateUpdated) so Zapier's dedupe lets a later change through; `contactId` keeps the real id.
 */
export const updatedContactTrigger = pollingTrigger({
  key: 'updated_contact',
  noun: 'Contact',
  label: 'Updated Contact',
  description:
    'Triggers when a contact is changed in your HighLevel location (new contacts count as changed). A zap that updates the same contact fires it again: add a filter step to avoid a loop.',
  endpoint: contactsApi.searchContacts,
  fields: [],
  request: (_input, { limit, page }) => ({ body: { pageLimit: limit, page: page + 1, sort: byDateUpdated } }),
  items: (data) => contacts(data).filter((c) => c.dateUpdated),
  serverSorted: { key: (c) => c.dateUpdated },
  changeId: { recordId: 'contactId', parts: (c) => [c.dateUpdated] },
  resultKey: 'contacts',
  sample: contactSample,
  outputFields: [
    { key: 'contactId', label: 'Contact ID' },
    ...contactOutputFields.map((f) => (f.key === 'id' ? { ...f, label: 'Change ID' } : f)),
  ],
  customFields: 'contact',
});

/** The location's tags, for the tag dropdown; the value is the tag's name, which is what contacts carry. */
export const tagDropdown = pollingTrigger({
  key: 'tag_list',
  noun: 'Tag',
  label: 'List Tags',
  description: 'Lists tags for dropdowns.',
  hidden: true,
  endpoint: contactsApi.listLocationTags,
  fields: [],
  perform: async (_input, ctx) => {
    if (ctx.page > 0) return []; // HighLevel returns every tag at once
    const data = await ctx.call(contactsApi.listLocationTags);
    return ((data?.tags ?? []) as Item[])
      .filter((t) => t && typeof t.name === 'string' && t.name.trim())
      .map((t) => ({ id: t.name, name: t.name, tagId: t.id }));
  },
  resultKey: 'tags',
  sample: { id: 'vip', name: 'vip', tagId: 'flGwEuzsfJOia1i1ikRN' },
  zapier: { canPaginate: true },
});

/**
 * New Contact With Tag: contacts carrying the tag, most recently changed first (adding a tag changes the
 * contact); one item per contact and tag, so a contact triggers once per tag.
 */
export const newContactWithTagTrigger = pollingTrigger({
  key: 'new_contact_with_tag',
  noun: 'Contact',
  label: 'New Contact With Tag',
  description:
    'Triggers when a contact gets the chosen tag (or is created with it); once per contact and tag, so removing and adding the tag again does not fire again.',
  endpoint: contactsApi.searchContacts,
  fields: [
    {
      key: 'tag',
      label: 'Tag',
      helpText: 'The tag to watch. Pick one or type it exactly as it appears in HighLevel.',
      schema: v.text(100),
      required: true,
      dynamic: 'tag_list.id.name',
    },
  ],
  // The search filters by tag; the check here drops a contact whose tag was removed while the index caught up.
  perform: async (input, ctx) => {
    const data = await ctx.call(contactsApi.searchContacts, {
      body: {
        pageLimit: ctx.limit,
        page: ctx.page + 1,
        filters: [{ field: 'tags', operator: 'eq', value: input.tag }],
        sort: byDateUpdated,
      },
    });
    const wanted = String(input.tag).toLowerCase();
    return contacts(data)
      .filter((c) => !Array.isArray(c.tags) || c.tags.some((t: unknown) => String(t).toLowerCase() === wanted))
      .map((c) => ({ ...c, tag: input.tag }));
  },
  serverSorted: { key: (c) => c.dateUpdated },
  changeId: { recordId: 'contactId', parts: (c) => [c.tag] },
  resultKey: 'contacts',
  sample: { ...contactSample, tag: 'plumbing' },
  outputFields: [
    { key: 'contactId', label: 'Contact ID' },
    { key: 'tag', label: 'Tag' },
    ...contactOutputFields.filter((f) => f.key !== 'id'),
  ],
  customFields: 'contact',
});

/** New Contact Appointment: HighLevel lists a contact's appointments all at once; newest first here. */
export const newContactAppointmentTrigger = pollingTrigger({
  key: 'new_contact_appointment',
  noun: 'Appointment',
  label: 'New Contact Appointment',
  description: 'Triggers when an appointment is booked for a chosen contact.',
  endpoint: contactsApi.listAppointments,
  fields: [{ ...contactIdField, helpText: 'The contact whose appointments to watch.' }],
  // HighLevel answers "YYYY-MM-DD HH:mm:ss" (UTC, no offset): out as ISO-8601 with the zap's offset.
  perform: async (input, ctx) => {
    const data = await ctx.call(contactsApi.listAppointments, { path: { contactId: input.contactId } });
    const zone = zapTimeZone(ctx);
    return ((data?.events ?? []) as Item[]).filter(Boolean).map((event) => appointmentOutput(event, zone));
  },
  resultKey: 'events',
  newestFirst: (event) => {
    const at = Date.parse(event.dateAdded ?? event.startTime);
    return Number.isFinite(at) ? at : undefined;
  },
  sample: contactAppointmentSample,
  outputFields: contactAppointmentOutputFields,
});

/**
 * New Contact in Business: the business's contacts page by page (100 a page, at most MAX_PAGES pages; HighLevel
 * cannot sort this list), newest first by date added.
 */
export const newBusinessContactTrigger = pollingTrigger({
  key: 'new_business_contact',
  noun: 'Contact',
  label: 'New Contact in Business',
  description: 'Triggers when a contact is added to a chosen business.',
  endpoint: contactsApi.listBusinessContacts,
  fields: [{ ...businessIdField, helpText: 'The business (company record) whose contacts to watch.' }],
  perform: (input, ctx) =>
    offsetPages(PAGE, async (skip) =>
      contacts(
        await ctx.call(contactsApi.listBusinessContacts, {
          path: { businessId: input.businessId },
          query: { limit: String(PAGE), skip: String(skip) },
        }),
      ),
    ),
  newestFirst: (c) => c.dateAdded,
  resultKey: 'contacts',
  sample: { ...contactSample, businessId: '641c094001436dbc2081e642' },
  outputFields: [...contactOutputFields, { key: 'businessId', label: 'Business ID' }],
  customFields: 'contact',
});

/**
 * New Contact (Legacy List): HighLevel's deprecated `GET /contacts/`, for accounts that rely on it. It cannot sort,
 * so one poll reads pages (startAfter/startAfterId cursor of the last contact, at most MAX_PAGES) and sorts
 * newest first by date added.
 */
export const newContactLegacyTrigger = pollingTrigger({
  key: 'new_contact_legacy',
  noun: 'Contact',
  label: 'New Contact (Legacy List)',
  description: 'Triggers when a contact appears in the legacy contact list. Prefer "New Contact", which HighLevel sorts.',
  // Hidden: the endpoint is deprecated and one poll reads up to MAX_PAGES unsorted pages. Kept for zaps using it.
  hidden: true,
  endpoint: contactsApi.listContactsDeprecated,
  fields: [],
  perform: (_input, ctx) =>
    collectPages<Item, { startAfter?: number; startAfterId?: string }>({}, async (cursor) => {
      const data = await ctx.call(contactsApi.listContactsDeprecated, { query: { limit: PAGE, ...cursor } });
      const items = contacts(data);
      const last = items[items.length - 1];
      const startAfter = last ? Date.parse(last.dateAdded) : NaN;
      return {
        items,
        next: items.length < PAGE || Number.isNaN(startAfter) ? undefined : { startAfter, startAfterId: last.id },
      };
    }),
  newestFirst: (c) => c.dateAdded,
  resultKey: 'contacts',
  sample: contactSample,
  outputFields: contactOutputFields,
  customFields: 'contact',
});
