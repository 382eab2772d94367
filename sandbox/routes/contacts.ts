import { buildContact, newId, normalizePhone, Rec, SandboxState, uniqueTags } from '../state';
import { assertLocation, contactOf, created, fail, ok, Route, RouteRequest } from './route';

type SortRule = { field: string; direction: 'asc' | 'desc' };
const DEFAULT_SORT: SortRule[] = [{ field: 'dateAdded', direction: 'desc' }];
const DEFAULT_PAGE_LIMIT = 20;

/** A contact's sort key: its sort fields (dates as epoch ms), then its id so the order is total. */
function sortKey(contact: Rec, sort: SortRule[]): Array<string | number> {
  const values = sort.map(({ field }) => {
    const v = contact[field];
    return /^date/.test(field) && typeof v === 'string' ? Date.parse(v) : v ?? '';
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
function findDuplicate(state: SandboxState, locationId: string, email?: string, phone?: string): { contact: Rec; field: string } | undefined {
  const contacts = state.contactsOf(locationId);
  const byEmail = email && contacts.find((c) => c.emailLowerCase === email.trim().toLowerCase());
  if (byEmail) return { contact: byEmail, field: 'email' };
  const byPhone = phone && contacts.find((c) => c.phone && c.phone === normalizePhone(phone));
  return byPhone ? { contact: byPhone, field: 'phone' } : undefined;
}

function createContact(req: RouteRequest, state: SandboxState): Rec {
  const now = state.now();
  const contact = buildContact({ ...req.body, locationId: req.locationId }, { id: newId(), dateAdded: now, dateUpdated: now });
  state.contacts.set(contact.id, contact);
  return contact;
}

function updateContact(state: SandboxState, existing: Rec, changes: Rec): Rec {
  const { id, locationId, dateAdded, type } = existing;
  const contact = buildContact({ ...existing, ...changes, locationId }, { id, dateAdded, type, dateUpdated: state.now() });
  state.contacts.set(id, contact);
  return contact;
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
      if (Array.isArray(body.filters) && body.filters.length) fail(400, 'The sandbox does not evaluate contact search filters yet.');
      const sort: SortRule[] = Array.isArray(body.sort) && body.sort.length ? body.sort : DEFAULT_SORT;
      let contacts = state.contactsOf(req.locationId);
      if (body.query) contacts = contacts.filter((c) => matchesQuery(c, String(body.query)));
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
];
