import { buildContact, newId, normalizePhone, pick, Rec, SandboxState, uniqueTags } from '../state';
import { businessRoutes } from './businesses';
import { contactExtraRoutes } from './contactFollowersCampaignsWorkflows';
import { assertLocation, contactOf, created, fail, ok, Route, RouteRequest } from './route';

type SortRule = { field: string; direction: 'asc' | 'desc' };
const DEFAULT_SORT: SortRule[] = [{ field: 'dateAdded', direction: 'desc' }];
const DEFAULT_PAGE_LIMIT = 20;

/** A contact's sort key: its sort fields (dates as epoch ms), then its id so the order is total. */
function sortKey(contact: Rec, sort: SortRule[]): Array<string | number> {
  const values = sort.map(({ field }) => {
    const v = contact[field];
    return /^date/.test(field) && typeof v === 'string' ? Date.parse(v) : (v ?? '');
  });
  return [...values, contact.id];
}

function compareKeys(a: Array<string | number>, b: Array<string | number>, sort: SortRule[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const asc = a[i] < b[i] ? -1 : 1;
    return sort[i]?.direction === 'desc' ? -asc : asc;
  }
  return 0;
}

function matchesQuery(contact: Rec, query: string): boolean {
  const q = query.trim().toLowerCase();
  const digits = q.replace(/\D/g, '');
  const text = [contact.name, contact.email, contact.companyName, contact.phone].filter(Boolean).join(' ').toLowerCase();
  return text.includes(q) || (digits.length >= 3 && String(contact.phone ?? '').includes(digits));
}

/** The location's contact with this email (case-insensitive), else with this phone number. */
function findDuplicate(
  state: SandboxState,
  locationId: string,
  email?: string,
  phone?: string,
): { contact: Rec; field: string } | undefined {
  const contacts = state.contactsOf(locationId);
  const byEmail = email && contacts.find((c) => c.emailLowerCase === email.trim().toLowerCase());
  if (byEmail) return { contact: byEmail, field: 'email' };
  const byPhone = phone && contacts.find((c) => c.phone && c.phone === normalizePhone(phone));
  return byPhone ? { contact: byPhone, field: 'phone' } : undefined;
}

/**
 * A write's `customFields` with ids only: an entry may name its field by `key` (e.g. `contact.household_size`)
 * instead of `id`, as the DTOs allow; entries for fields the location does not define are dropped.
 */
function knownCustomFields(state: SandboxState, locationId: string, written: unknown): Rec[] | undefined {
  if (!Array.isArray(written)) return undefined;
  const defs = state.customFieldsOf(locationId).filter((d) => d.model === 'contact');
  return written.flatMap((entry: Rec) => {
    const def = defs.find((d) => (entry?.id ? d.id === entry.id : d.fieldKey === entry?.key));
    return def ? [{ id: def.id, field_value: entry.field_value }] : [];
  });
}

/** The accepted fields of a create/update body, custom fields resolved. */
function contactChanges(state: SandboxState, locationId: string, body: Rec): Rec {
  const customFields = knownCustomFields(state, locationId, body.customFields);
  return { ...body, ...(customFields ? { customFields } : { customFields: undefined }) };
}

function createContact(req: RouteRequest, state: SandboxState): Rec {
  const now = state.now();
  const contact = buildContact(
    { ...contactChanges(state, req.locationId, req.body), locationId: req.locationId },
    { id: newId(), dateAdded: now, dateUpdated: now },
  );
  state.contacts.set(contact.id, contact);
  return contact;
}

/** What an update keeps from the stored contact besides the DTO fields (set through other routes). */
const KEPT = ['id', 'dateAdded', 'type', 'businessId', 'followers', 'customFields'];

function updateContact(state: SandboxState, existing: Rec, changes: Rec): Rec {
  const contact = buildContact(
    { ...existing, ...contactChanges(state, existing.locationId, changes), locationId: existing.locationId },
    { ...pick(existing, KEPT), dateUpdated: state.now() },
  );
  state.contacts.set(contact.id, contact);
  return contact;
}

/** Tags compare case-insensitively, as everywhere else in the sandbox (uniqueTags keeps one spelling per tag). */
const hasTag = (contact: Rec, tag: unknown) =>
  (contact.tags ?? []).some((t: string) => t.toLowerCase() === String(tag).trim().toLowerCase());

/**
 * One Search Contacts filter or filter group. The sandbox evaluates the tags filter (eq / not_eq one tag,
 * exists / not_exists) and AND/OR groups; anything else is refused rather than silently ignored.
 */
function matchesFilter(contact: Rec, filter: Rec): boolean {
  if (Array.isArray(filter.filters)) {
    const results = filter.filters.map((f: Rec) => matchesFilter(contact, f));
    return filter.group === 'OR' ? results.some(Boolean) : results.every(Boolean);
  }
  if (filter.field === 'tags') {
    const tags = contact.tags ?? [];
    switch (filter.operator) {
      case 'eq':
        return hasTag(contact, filter.value);
      case 'not_eq':
        return !hasTag(contact, filter.value);
      case 'exists':
        return tags.length > 0;
      case 'not_exists':
        return tags.length === 0;
    }
  }
  fail(400, `The sandbox does not evaluate the contact search filter ${filter.field} ${filter.operator}.`);
}

function contactsByDateAdded(state: SandboxState, locationId: string): Rec[] {
  return state
    .contactsOf(locationId)
    .sort((a, b) => Date.parse(a.dateAdded) - Date.parse(b.dateAdded) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** 404 unless the location has the business (read through the businesses module's route, which owns them). */
function businessExists(req: RouteRequest, state: SandboxState, businessId: string) {
  const get = businessRoutes.find((r) => r.method === 'GET' && r.path === '/businesses/{businessId}');
  get?.handle({ ...req, params: { businessId }, query: {} }, state);
}

/** HighLevel's bulk tag answer item for one contact. */
function bulkTagChange(state: SandboxState, req: RouteRequest, contactId: string, type: string, tags: string[], removeAll: boolean): Rec {
  const contact = state.contacts.get(contactId);
  if (!contact || contact.locationId !== req.locationId) return { contactId, message: 'Contact not found', type: 'error' };
  const oldTags: string[] = contact.tags ?? [];
  const remove = new Set(tags.map((t) => String(t).trim().toLowerCase()));
  const next = type === 'add' ? uniqueTags([...oldTags, ...tags]) : removeAll ? [] : oldTags.filter((t) => !remove.has(t.toLowerCase()));
  updateContact(state, contact, { tags: next });
  const lower = (list: string[]) => new Set(list.map((t) => t.toLowerCase()));
  const before = lower(oldTags);
  const after = lower(next);
  return {
    contactId,
    message: 'Tags updated',
    type: 'success',
    oldTags,
    tagsAdded: next.filter((t) => !before.has(t.toLowerCase())),
    tagsRemoved: oldTags.filter((t) => !after.has(t.toLowerCase())),
  };
}

export const contactRoutes: Route[] = [
  {
    // Page/pageLimit or the searchAfter cursor of the last contact of the previous page; sorted by the
    // `sort` rules (default: newest first). Each contact carries its `searchAfter` cursor, as HighLevel's do.
    method: 'POST',
    path: '/contacts/search',
    handle(req, state) {
      const body = req.body ?? {};
      assertLocation(req, body.locationId);
      const sort: SortRule[] = Array.isArray(body.sort) && body.sort.length ? body.sort : DEFAULT_SORT;
      let contacts = state.contactsOf(req.locationId);
      if (body.query) contacts = contacts.filter((c) => matchesQuery(c, String(body.query)));
      // Top-level filters are ANDed, as HighLevel documents.
      if (Array.isArray(body.filters)) contacts = contacts.filter((c) => body.filters.every((f: Rec) => matchesFilter(c, f)));
      contacts.sort((a, b) => compareKeys(sortKey(a, sort), sortKey(b, sort), sort));
      const total = contacts.length;
      const limit = Number(body.pageLimit) || DEFAULT_PAGE_LIMIT;
      if (Array.isArray(body.searchAfter) && body.searchAfter.length) {
        contacts = contacts.filter((c) => compareKeys(sortKey(c, sort), body.searchAfter, sort) > 0).slice(0, limit);
      } else {
        const page = Math.max(1, Number(body.page) || 1);
        contacts = contacts.slice((page - 1) * limit, page * limit);
      }
      return ok({ contacts: contacts.map((c) => ({ ...c, searchAfter: sortKey(c, sort) })), total });
    },
  },
  {
    method: 'GET',
    path: '/contacts/search/duplicate',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const found = findDuplicate(state, req.locationId, req.query.email, req.query.number);
      return ok({ contact: found?.contact ?? null });
    },
  },
  {
    method: 'GET',
    path: '/contacts/{contactId}',
    handle: (req, state) => ok({ contact: contactOf(req, state, req.params.contactId) }),
  },
  {
    // The sandbox location does not allow duplicates (HighLevel's default): same email or phone → 400.
    method: 'POST',
    path: '/contacts/',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const location = state.locations.get(req.locationId)!;
      const duplicate = !location.settings?.allowDuplicateContact && findDuplicate(state, req.locationId, req.body.email, req.body.phone);
      if (duplicate) {
        fail(400, 'This location does not allow duplicated contacts.', {
          meta: { contactName: duplicate.contact.name, contactId: duplicate.contact.id, matchingField: duplicate.field },
        });
      }
      return created({ contact: createContact(req, state) });
    },
  },
  {
    method: 'PUT',
    path: '/contacts/{contactId}',
    handle(req, state) {
      const contact = updateContact(state, contactOf(req, state, req.params.contactId), req.body ?? {});
      return ok({ succeded: true, contact }); // sic: HighLevel's spelling
    },
  },
  {
    // Matches by email first, then phone; updates the match or creates a contact.
    method: 'POST',
    path: '/contacts/upsert',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const found = findDuplicate(state, req.locationId, req.body.email, req.body.phone);
      if (found) return ok({ new: false, contact: updateContact(state, found.contact, req.body) });
      return ok({ new: true, contact: createContact(req, state) });
    },
  },
  {
    method: 'POST',
    path: '/contacts/{contactId}/tags',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      const updated = updateContact(state, contact, { tags: uniqueTags([...(contact.tags ?? []), ...req.body.tags]) });
      return created({ tags: updated.tags });
    },
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/tags',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      const remove = new Set((req.body.tags as string[]).map((t) => String(t).trim().toLowerCase()));
      const updated = updateContact(state, contact, { tags: (contact.tags ?? []).filter((t: string) => !remove.has(t.toLowerCase())) });
      return ok({ tags: updated.tags });
    },
  },
  {
    // Deletes the contact with its tasks, notes and memberships.
    method: 'DELETE',
    path: '/contacts/{contactId}',
    handle(req, state) {
      state.deleteContact(contactOf(req, state, req.params.contactId).id);
      return ok({ succeded: true });
    },
  },
  {
    // The deprecated list: oldest first by dateAdded (then id), continued after the startAfter (epoch ms) +
    // startAfterId cursor of the previous page's last contact.
    method: 'GET',
    path: '/contacts/',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const limit = Math.min(Math.max(Number(req.query.limit) || DEFAULT_PAGE_LIMIT, 1), 100);
      let contacts = contactsByDateAdded(state, req.locationId);
      if (req.query.query) contacts = contacts.filter((c) => matchesQuery(c, req.query.query));
      const count = contacts.length;
      if (req.query.startAfter !== undefined) {
        const after = Number(req.query.startAfter);
        const afterId = req.query.startAfterId ?? '';
        contacts = contacts.filter((c) => {
          const at = Date.parse(c.dateAdded);
          return at > after || (at === after && c.id > afterId);
        });
      }
      return ok({ contacts: contacts.slice(0, limit), count });
    },
  },
  {
    method: 'GET',
    path: '/contacts/business/{businessId}',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const limit = Math.max(Number(req.query.limit) || 25, 1);
      const skip = Math.max(Number(req.query.skip) || 0, 0);
      let contacts = contactsByDateAdded(state, req.locationId).filter((c) => c.businessId === req.params.businessId);
      if (req.query.query) contacts = contacts.filter((c) => matchesQuery(c, req.query.query));
      return ok({ contacts: contacts.slice(skip, skip + limit), count: contacts.length });
    },
  },
  {
    // Per-contact results; a contact of another location (or none) is an error item, not a failed request.
    method: 'POST',
    path: '/contacts/bulk/tags/update/{type}',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const { type } = req.params;
      const removeAll = req.body.removeAllTags === true;
      if (removeAll && type !== 'remove') fail(400, 'removeAllTags can only be used with remove type');
      const tags = (req.body.tags as string[]).map(String);
      const responses = (req.body.contacts as string[]).map((id) => bulkTagChange(state, req, id, type, tags, removeAll));
      const errorCount = responses.filter((r) => r.type === 'error').length;
      return created({ succeded: errorCount < responses.length, errorCount, responses });
    },
  },
  {
    // businessId null removes the contacts from their business; `ids` answers the contacts changed.
    method: 'POST',
    path: '/contacts/bulk/business',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const businessId = req.body.businessId;
      if (businessId) businessExists(req, state, businessId);
      const changed: string[] = [];
      for (const id of req.body.ids as string[]) {
        const contact = state.contacts.get(id);
        if (!contact || contact.locationId !== req.locationId) continue;
        const updated = updateContact(state, contact, {});
        if (businessId) updated.businessId = businessId;
        else delete updated.businessId;
        changed.push(id);
      }
      return ok({ success: true, ids: changed });
    },
  },
  // Followers, campaigns, workflows, appointments, location tags and custom fields (contactFollowersCampaignsWorkflows.ts).
  ...contactExtraRoutes,
];
