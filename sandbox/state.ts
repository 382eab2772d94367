import { randomBytes } from 'crypto';

/** A stored record: the sandbox keeps HighLevel's JSON shapes as they are. */
export type Rec = Record<string, any>;

/** Who a token acts for: HighLevel's sub-account (Location) tokens carry the location and its company. */
export interface Grant {
  locationId: string;
  companyId: string;
  userId: string;
  /** 'Company' for an agency token (locationId is then empty). Default: a sub-account (Location) token. */
  userType?: 'Company' | 'Location';
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** An id shaped like HighLevel's: 20 alphanumeric characters, e.g. `ocQHyuzHvysMo5N5VsXc`. */
export function newId(length = 20): string {
  return [...randomBytes(length)].map((b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The sandbox's in-memory HighLevel: one store for the server's lifetime. Records keep the location they belong
 * to (`locationId`; tasks and notes through their contact) so that every route can scope reads to the token's
 * location.
 */
export class SandboxState {
  readonly locations = new Map<string, Rec>();
  readonly users = new Map<string, Rec>();
  readonly contacts = new Map<string, Rec>();
  readonly tasks = new Map<string, Rec>();
  readonly notes = new Map<string, Rec>();
  /** Custom field definitions (locations.json CustomFieldSchema), by id. */
  readonly customFields = new Map<string, Rec>();
  /** Tag records (`{id, name, locationId}`), by location and lower-case name: created when a contact first gets the tag. */
  readonly tags = new Map<string, Rec>();
  /** Campaign and workflow ids a contact is in, by contact id (HighLevel's answers carry only `succeded`). */
  readonly campaignMembers = new Map<string, Set<string>>();
  readonly workflowEnrollments = new Map<string, Map<string, Rec>>();
  readonly accessTokens = new Map<string, Grant>();
  readonly refreshTokens = new Map<string, Grant>();
  /** When each access token stops working (epoch ms). */
  readonly accessTokenExpiry = new Map<string, number>();
  /** Lifetime of issued access tokens, in seconds (HighLevel's: 86399, its `expires_in`). */
  readonly tokenTtlSeconds: number;
  /** The sub-account an authorization code connects to. */
  readonly locationId: string;
  readonly companyId: string;
  private lastTime = 0;

  constructor(options: { seed?: boolean; tokenTtlSeconds?: number } = {}) {
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? 86399;
    // The location always exists (a token is always for a location); `seed` adds the sample data.
    this.companyId = newId();
    this.locationId = newId();
    this.locations.set(this.locationId, {
      id: this.locationId,
      companyId: this.companyId,
      name: 'Sandbox Plumbing Co.',
      address: '3535 1st St N',
      city: 'Dolomite',
      state: 'AL',
      country: 'US',
      postalCode: '35061',
      website: 'https://sandbox-plumbing.example.com',
      timezone: 'America/Chicago',
      email: 'office@sandbox-plumbing.example.com',
      phone: '+15550100100',
      settings: {
        allowDuplicateContact: false,
        allowDuplicateOpportunity: false,
        allowFacebookNameMerge: false,
        disableContactTimezone: false,
      },
    });
    if (options.seed !== false) this.seed();
  }

  /**
   * Now, as ISO-8601, strictly later than any time handed out before: records created in the same millisecond
   * still sort in creation order.
   */
  now(): string {
    const t = Math.max(Date.now(), this.lastTime + 1);
    this.lastTime = t;
    return new Date(t).toISOString();
  }

  /** Issues a new token pair for a location (what `POST /oauth/token` hands out). */
  issueTokens(grant: Grant = this.defaultGrant()): TokenPair {
    const pair = { access_token: `sbx-at-${newId(32)}`, refresh_token: `sbx-rt-${newId(32)}` };
    this.accessTokens.set(pair.access_token, grant);
    this.accessTokenExpiry.set(pair.access_token, Date.now() + this.tokenTtlSeconds * 1000);
    this.refreshTokens.set(pair.refresh_token, grant);
    return pair;
  }

  /** Who an access token acts for; undefined when it is unknown or expired. */
  grantOf(accessToken: string): Grant | undefined {
    const expiry = this.accessTokenExpiry.get(accessToken);
    if (expiry !== undefined && Date.now() >= expiry) return undefined;
    return this.accessTokens.get(accessToken);
  }

  defaultGrant(): Grant {
    const owner = [...this.users.values()].find((u) => u.roles?.locationIds?.includes(this.locationId));
    return { locationId: this.locationId, companyId: this.companyId, userId: owner?.id ?? newId() };
  }

  contactsOf(locationId: string): Rec[] {
    return [...this.contacts.values()].filter((c) => c.locationId === locationId);
  }

  customFieldsOf(locationId: string): Rec[] {
    return [...this.customFields.values()].filter((f) => f.locationId === locationId).sort((a, b) => a.position - b.position);
  }

  /** The location's tags, every tag its contacts carry included (a tag record is made on first sight). */
  tagsOf(locationId: string): Rec[] {
    for (const c of this.contactsOf(locationId)) for (const name of c.tags ?? []) this.tagRecord(locationId, name);
    return [...this.tags.values()].filter((t) => t.locationId === locationId).sort((a, b) => a.name.localeCompare(b.name));
  }

  private tagRecord(locationId: string, name: string): Rec {
    const key = `${locationId}:${name.toLowerCase()}`;
    let tag = this.tags.get(key);
    if (!tag) this.tags.set(key, (tag = { id: newId(), name, locationId }));
    return tag;
  }

  /** Removes a contact with its tasks, notes and memberships, as HighLevel's delete does. */
  deleteContact(contactId: string) {
    this.contacts.delete(contactId);
    for (const [id, t] of this.tasks) if (t.contactId === contactId) this.tasks.delete(id);
    for (const [id, n] of this.notes) if (n.contactId === contactId) this.notes.delete(id);
    this.campaignMembers.delete(contactId);
    this.workflowEnrollments.delete(contactId);
  }

  usersOf(locationId: string): Rec[] {
    return [...this.users.values()].filter((u) => !u.deleted && u.roles?.locationIds?.includes(locationId));
  }

  private seed() {
    const loc = this.locationId;
    const users = [
      ['Sam', 'Rivera', 'admin'],
      ['Priya', 'Nair', 'user'],
      ['Marcus', 'Chen', 'user'],
    ].map(([firstName, lastName, role], i) => ({
      id: newId(),
      dateAdded: new Date(Date.now() - (30 - i) * DAY_MS).toISOString(),
      name: `${firstName} ${lastName}`,
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}@sandbox-plumbing.example.com`,
      phone: '+15550100101',
      roles: { type: 'account', role, locationIds: [loc], restrictSubAccount: false },
      deleted: false,
    }));
    for (const u of users) this.users.set(u.id, u);

    // Distinct dateAdded, oldest first, a day apart: polling newest-first has a defined order.
    const people: Array<[string, string, string, string[]]> = [
      ['Rosa', 'Delgado', 'Delgado Bakery', ['lead', 'water-heater']],
      ['Tom', 'Okafor', '', ['customer']],
      ['Mei', 'Tanaka', 'Tanaka Dental', ['lead']],
      ['Liam', 'Byrne', '', ['customer', 'maintenance-plan']],
      ['Ana', 'Souza', 'Souza Cafe', ['lead', 'quote-sent']],
    ];
    const start = Date.now() - (people.length + 1) * DAY_MS;
    people.forEach(([firstName, lastName, companyName, tags], i) => {
      const at = new Date(start + i * DAY_MS).toISOString();
      const contact = buildContact(
        {
          locationId: loc,
          firstName,
          lastName,
          email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@example.com`,
          phone: `+1555010020${i}`,
          ...(companyName ? { companyName } : {}),
          tags,
          source: 'Website form',
          assignedTo: users[i % users.length].id,
        },
        { id: newId(), dateAdded: at, dateUpdated: at },
      );
      this.contacts.set(contact.id, contact);
    });

    // One custom field of each input shape the app types differently. Seeded contacts carry no values, so the
    // walkthrough's polls need no definitions request.
    const fields: Array<[string, string, Rec]> = [
      ['Preferred Contact Time', 'TEXT', { placeholder: 'Weekday mornings' }],
      ['Household Size', 'NUMERICAL', {}],
      ['Property Type', 'SINGLE_OPTIONS', { picklistOptions: ['House', 'Apartment', 'Commercial'], isAllowedCustomOption: false }],
      ['Services Wanted', 'CHECKBOX', { picklistOptions: ['Repair', 'Installation', 'Inspection'], isAllowedCustomOption: false }],
      ['Last Service Date', 'DATE', {}],
    ];
    fields.forEach(([name, dataType, extra], position) => {
      const id = newId();
      const key = name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
      this.customFields.set(id, {
        id,
        name,
        fieldKey: `contact.${key}`,
        placeholder: '',
        dataType,
        position,
        picklistOptions: [],
        ...extra,
        locationId: loc,
        model: 'contact',
      });
    });

    const [rosa, tom] = this.contactsOf(loc);
    const day = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString();
    const tasks = [
      {
        contactId: rosa.id,
        title: 'Send water heater quote',
        body: 'Two options: tank and tankless.',
        dueDate: day(1),
        completed: false,
        assignedTo: users[0].id,
      },
      { contactId: rosa.id, title: 'Book installation', body: '', dueDate: day(5), completed: false, assignedTo: users[1].id },
      {
        contactId: tom.id,
        title: 'Follow up on leak repair',
        body: 'Check the kitchen sink seal.',
        dueDate: day(-1),
        completed: true,
        assignedTo: users[2].id,
      },
    ];
    for (const t of tasks) {
      const id = newId();
      const at = new Date(Date.parse(rosa.dateAdded) + DAY_MS / 2).toISOString();
      this.tasks.set(id, { id, ...t, dateAdded: at, dateUpdated: at });
    }
    const notes = [
      { contactId: rosa.id, body: 'Prefers a call after 3pm.', userId: users[0].id },
      { contactId: tom.id, body: 'Gate code 4512.', userId: users[1].id },
    ];
    notes.forEach((n, i) => {
      const id = newId();
      this.notes.set(id, { id, ...n, dateAdded: new Date(start + (i + 0.5) * DAY_MS).toISOString() });
    });
  }
}

/** The fields HighLevel accepts on a contact (CreateContactDto / UpdateContactDto); anything else is ignored. */
export const CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'name',
  'email',
  'gender',
  'phone',
  'address1',
  'city',
  'state',
  'postalCode',
  'website',
  'timezone',
  'dnd',
  'dndSettings',
  'inboundDndSettings',
  'tags',
  'customFields',
  'source',
  'dateOfBirth',
  'country',
  'companyName',
  'assignedTo',
];

/** E.164 as HighLevel stores it; a 10-digit number is taken as US (the sandbox location's country). */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (phone.trim().startsWith('+')) return `+${digits}`;
  return digits.length === 10 ? `+1${digits}` : `+${digits}`;
}

/** A contact record from accepted fields: HighLevel's derived fields (name, lower-case copies) filled in. */
export function buildContact(fields: Rec, base: Rec = {}): Rec {
  const contact: Rec = { ...base };
  for (const key of CONTACT_FIELDS) if (fields[key] !== undefined && key !== 'customFields') contact[key] = fields[key];
  if (fields.customFields !== undefined) contact.customFields = mergeCustomFieldValues(base.customFields ?? [], fields.customFields);
  if (fields.locationId) contact.locationId = fields.locationId;
  if (typeof contact.phone === 'string' && contact.phone) contact.phone = normalizePhone(contact.phone);
  if (Array.isArray(contact.tags)) contact.tags = uniqueTags(contact.tags);
  const full = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  if (full) contact.name = full;
  contact.firstNameLowerCase = contact.firstName?.toLowerCase();
  contact.lastNameLowerCase = contact.lastName?.toLowerCase();
  contact.fullNameLowerCase = contact.name?.toLowerCase();
  contact.emailLowerCase = contact.email?.toLowerCase();
  contact.type = contact.type ?? 'lead';
  contact.tags = contact.tags ?? [];
  contact.customFields = contact.customFields ?? [];
  contact.dnd = contact.dnd ?? false;
  for (const key of Object.keys(contact)) if (contact[key] === undefined) delete contact[key];
  return contact;
}

/**
 * Custom field values as HighLevel stores and answers them, `[{id, value}]`, after a write of `[{id | key,
 * field_value}]` (stored `{id, value}` entries pass through): a written field replaces its value, a blank one
 * (null, '' or []) clears it, fields not written keep theirs. Which ids exist is checked by the routes.
 */
export function mergeCustomFieldValues(current: Rec[], written: unknown): Rec[] {
  const byId = new Map<string, unknown>(current.filter((c) => c && typeof c.id === 'string').map((c) => [c.id, c.value]));
  for (const entry of Array.isArray(written) ? written : []) {
    if (!entry || typeof entry.id !== 'string') continue;
    const value = 'field_value' in entry ? entry.field_value : entry.value;
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) byId.delete(entry.id);
    else byId.set(entry.id, value);
  }
  return [...byId].map(([id, value]) => ({ id, value }));
}

/** Tags without blanks or case-insensitive repeats (the first spelling stays). */
export function uniqueTags(tags: unknown[]): string[] {
  const byKey = new Map<string, string>();
  for (const tag of tags.map((t) => String(t).trim()).filter(Boolean)) if (!byKey.has(tag.toLowerCase())) byKey.set(tag.toLowerCase(), tag);
  return [...byKey.values()];
}

/** The given keys of a record that are set. */
export function pick(record: Rec | undefined, keys: string[]): Rec {
  return Object.fromEntries(keys.filter((k) => record?.[k] !== undefined).map((k) => [k, record![k]]));
}
