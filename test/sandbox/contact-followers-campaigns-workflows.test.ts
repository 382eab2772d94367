import { createAppTester } from 'zapier-platform-core';
import { checkResponse } from '../../contract/openapi';
import { Sandbox } from '../../sandbox/server';
import { Rec } from '../../sandbox/state';
import App from '../../app/index';
import { call, checkedSandbox } from './support';

// End to end: the contact operations added today, run through the Zapier runtime against the sandbox over HTTP
// (connect by OAuth, then each step as Zapier would run it). Every response is checked against the spec.

type Item = Record<string, any>;

let sandbox: Sandbox;
let violations: string[];
let authData: Item;
let locationId: string;
const appTester = createAppTester(App);
const app = App as any;

function perform(key: string): unknown {
  const op = app.triggers[key] ?? app.creates[key] ?? app.searches[key];
  if (!op) throw new Error(`no operation ${key}`);
  return op.operation.perform;
}
const run = (key: string, inputData: Item = {}): Promise<any> => appTester(perform(key) as any, { authData, inputData } as any);
/** Runs an operation's dynamic output-field functions, as the Zap editor does. */
async function outputFieldsOf(key: string): Promise<Item[]> {
  const fields: unknown[] = app.creates[key]?.operation.outputFields ?? [];
  const lists = await Promise.all(
    fields.map((f) => (typeof f === 'function' ? appTester(f as any, { authData, inputData: {} } as any) : [f])),
  );
  return lists.flat() as Item[];
}

const contacts = () => sandbox.state.contactsOf(locationId);
const stored = (id: string): Rec | undefined => sandbox.state.contacts.get(id);
const fieldNamed = (name: string): Rec => [...sandbox.state.customFields.values()].find((f) => f.name === name)!;
const inputKey = (name: string) => `customField__${fieldNamed(name).id}`;
let emails = 0;
const freshEmail = () => `extras.${++emails}.${Date.now()}@example.com`;

beforeAll(async () => {
  ({ sandbox, violations } = await checkedSandbox());
  process.env.GHL_API_BASE_URL = sandbox.url;
  locationId = sandbox.state.locationId;
  authData = await appTester(app.authentication.oauth2Config.getAccessToken, {
    inputData: { code: 'sandbox-code', redirect_uri: 'https://zapier.com/dashboard/auth/oauth/return/App000CLIAPI/' },
  } as any);
});
afterAll(async () => {
  delete process.env.GHL_API_BASE_URL;
  await sandbox.close();
});
let checked = 0;
afterEach(() => {
  // No request the test sent was refused by the contract check, and every answer matched the spec's schema.
  expect(violations.splice(0)).toEqual([]);
  expect(sandbox.requests.slice(checked).filter((r) => r.status === 422)).toEqual([]);
  checked = sandbox.requests.length;
});

describe('contact triggers', () => {
  it('Updated Contact fires after an update: the changed contact comes first with a new change id', async () => {
    const before: Item[] = await run('updated_contact');
    const target = before[before.length - 1]; // the least recently changed
    const updated = await run('update_contact', { contactId: target.contactId, city: 'Bessemer' });
    expect(updated).toMatchObject({ id: target.contactId, city: 'Bessemer' });

    const after: Item[] = await run('updated_contact');
    expect(after[0]).toMatchObject({ contactId: target.contactId, city: 'Bessemer', id: `${target.contactId}_${updated.dateUpdated}` });
    expect(before.map((i) => i.id)).not.toContain(after[0].id); // Zapier's dedupe lets it through
    const dates = after.map((i) => i.dateUpdated);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('New Contact With Tag fires after tagging, and only for contacts with that tag', async () => {
    const tag = 'Boiler-Service';
    expect(await run('new_contact_with_tag', { tag })).toEqual([]);
    const [a, b] = contacts();
    await run('add_contact_tags', { contactId: a.id, tags: [tag] });
    const first: Item[] = await run('new_contact_with_tag', { tag: tag.toLowerCase() });
    expect(first.map((i) => i.contactId)).toEqual([a.id]);
    expect(first[0]).toMatchObject({ id: `${a.id}_${tag.toLowerCase()}`, tag: tag.toLowerCase() });

    await run('add_contact_tags', { contactId: b.id, tags: [tag] });
    const second: Item[] = await run('new_contact_with_tag', { tag: tag.toLowerCase() });
    // Only what changed since the previous poll (issue 10: a poll pages down to the previous poll's newest record).
    expect(second.map((i) => i.contactId)).toEqual([b.id]);
    // The tag dropdown lists it by name.
    expect((await run('tag_list')).map((t: Item) => t.id)).toContain(tag);
  });

  it("the sandbox evaluates the tags filter (the trigger's own check aside), and refuses filters it cannot evaluate", async () => {
    const token = sandbox.state.issueTokens().access_token;
    const search = async (filters: unknown[]) =>
      (await call(sandbox, 'POST', '/contacts/search', { token, body: { locationId, pageLimit: 100, filters } })).body;
    const withLead = contacts()
      .filter((c) => c.tags.includes('lead'))
      .map((c) => c.id)
      .sort();
    expect(withLead.length).toBeGreaterThan(0);
    const eq = await search([{ field: 'tags', operator: 'eq', value: 'LEAD' }]);
    expect(eq.contacts.map((c: Item) => c.id).sort()).toEqual(withLead);
    expect(eq.total).toBe(withLead.length);
    const notEq = await search([{ field: 'tags', operator: 'not_eq', value: 'lead' }]);
    expect(notEq.total).toBe(contacts().length - withLead.length);
    const either = await search([
      {
        group: 'OR',
        filters: [
          { field: 'tags', operator: 'eq', value: 'lead' },
          { field: 'tags', operator: 'eq', value: 'customer' },
        ],
      },
    ]);
    expect(either.total).toBe(contacts().filter((c) => c.tags.includes('lead') || c.tags.includes('customer')).length);

    const res = await call(sandbox, 'POST', '/contacts/search', {
      token,
      body: { locationId, pageLimit: 5, filters: [{ field: 'city', operator: 'eq', value: 'x' }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/city eq/);
  });

  it('New Contact (Legacy List) pages through every contact with the startAfter cursor', async () => {
    const polled: Item[] = await run('new_contact_legacy');
    expect(polled.map((c) => c.id).sort()).toEqual(
      contacts()
        .map((c) => c.id)
        .sort(),
    );
    expect(polled[0].dateAdded >= polled[polled.length - 1].dateAdded).toBe(true);
    // The cursor continues strictly after the given contact.
    const token = sandbox.state.issueTokens().access_token;
    const page1 = await call(sandbox, 'GET', `/contacts/?locationId=${locationId}&limit=2`, { token });
    const last = page1.body.contacts[1];
    const page2 = await call(
      sandbox,
      'GET',
      `/contacts/?locationId=${locationId}&limit=2&startAfter=${Date.parse(last.dateAdded)}&startAfterId=${last.id}`,
      { token },
    );
    expect(page2.body.contacts.map((c: Item) => c.id)).toEqual(
      [...contacts()]
        .sort((x, y) => x.dateAdded.localeCompare(y.dateAdded))
        .slice(2, 4)
        .map((c) => c.id),
    );
  });

  it("New Contact Appointment lists the contact's booked appointments from the calendars", async () => {
    // The calendar module seeds bookings for the first two contacts on first use.
    const token = sandbox.state.issueTokens().access_token;
    await call(sandbox, 'GET', `/calendars/?locationId=${locationId}`, { token, version: '2021-04-15' });
    const [first, , third] = contacts();
    const events: Item[] = await run('new_contact_appointment', { contactId: first.id });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.contactId === first.id && e.id && e.startTime)).toBe(true);
    expect(await run('new_contact_appointment', { contactId: third.id })).toEqual([]);
  });
});

describe('custom fields', () => {
  it('lists the seeded custom fields of each data type', async () => {
    const token = sandbox.state.issueTokens().access_token;
    const res = await call(sandbox, 'GET', `/locations/${locationId}/customFields?model=contact`, { token });
    expect(res.body.customFields.map((f: Item) => f.dataType)).toEqual(['TEXT', 'NUMERICAL', 'SINGLE_OPTIONS', 'CHECKBOX', 'DATE']);
    expect(fieldNamed('Property Type').picklistOptions).toEqual(['House', 'Apartment', 'Commercial']);
    expect((await call(sandbox, 'GET', `/locations/${locationId}/customFields?model=opportunity`, { token })).body.customFields).toEqual(
      [],
    );
  });

  it('Create Contact writes them; they come back as labelled output keys, and update merges by field', async () => {
    const outputFields = await outputFieldsOf('create_contact');
    expect(outputFields).toEqual(
      expect.arrayContaining([
        { key: 'custom_preferred_contact_time', label: 'Preferred Contact Time' },
        { key: 'custom_household_size', label: 'Household Size', type: 'number' },
        { key: 'custom_property_type', label: 'Property Type' },
        { key: 'custom_services_wanted', label: 'Services Wanted' },
        { key: 'custom_last_service_date', label: 'Last Service Date', type: 'datetime' },
      ]),
    );

    const email = freshEmail();
    const created = await run('create_contact', {
      firstName: 'Dana',
      lastName: 'Whitfield',
      email,
      [inputKey('Preferred Contact Time')]: 'Weekday mornings',
      [inputKey('Household Size')]: '4',
      [inputKey('Property Type')]: 'House',
      [inputKey('Services Wanted')]: ['Repair', 'Inspection'],
      [inputKey('Last Service Date')]: '2026-02-14',
    });
    expect(created).toMatchObject({
      email,
      custom_preferred_contact_time: 'Weekday mornings',
      custom_household_size: 4,
      custom_property_type: 'House',
      custom_services_wanted: ['Repair', 'Inspection'],
      custom_last_service_date: '2026-02-14',
    });
    expect(stored(created.id)!.customFields).toEqual([
      { id: fieldNamed('Preferred Contact Time').id, value: 'Weekday mornings' },
      { id: fieldNamed('Household Size').id, value: 4 },
      { id: fieldNamed('Property Type').id, value: 'House' },
      { id: fieldNamed('Services Wanted').id, value: ['Repair', 'Inspection'] },
      { id: fieldNamed('Last Service Date').id, value: '2026-02-14' },
    ]);

    // An update writes only the fields it fills; the others keep their values.
    const updated = await run('update_contact', { contactId: created.id, [inputKey('Household Size')]: '5' });
    expect(updated).toMatchObject({ custom_household_size: 5, custom_property_type: 'House' });
    const [found] = await run('find_contact', { contactId: created.id });
    expect(found).toMatchObject({ custom_household_size: 5, custom_services_wanted: ['Repair', 'Inspection'] });
  });

  it('rejects an option the field does not offer before any request', async () => {
    const before = sandbox.requests.length;
    await expect(run('create_contact', { firstName: 'X', [inputKey('Property Type')]: 'Castle' })).rejects.toThrow(/Property Type/);
    // At most the definitions read (they may be cached), no write.
    expect(sandbox.requests.slice(before).filter((r) => r.route !== '/locations/{locationId}/customFields')).toEqual([]);
  });
});

describe('Delete Contact', () => {
  it('removes the contact with its tasks and notes; Find Contact then returns nothing', async () => {
    const email = freshEmail();
    const contact = await run('create_contact', { firstName: 'Temp', lastName: 'Record', email });
    const task = await run('create_task', { contactId: contact.id, title: 'Call back', dueDate: '2026-06-01T15:00:00Z' });
    await run('create_note', { contactId: contact.id, body: 'To be removed.' });

    expect(await run('delete_contact', { contactId: contact.id })).toEqual({ id: contact.id, deleted: true });
    expect(stored(contact.id)).toBeUndefined();
    expect(sandbox.state.tasks.has(task.id)).toBe(false);
    expect([...sandbox.state.notes.values()].some((n) => n.contactId === contact.id)).toBe(false);
    expect(await run('find_contact', { contactId: contact.id })).toEqual([]);
    expect(await run('find_contact', { email })).toEqual([]);
    await expect(run('delete_contact', { contactId: contact.id })).rejects.toThrow(/not found/i);
  });
});

describe('conflict policy of Update Contact', () => {
  it("halts on a source record older than HighLevel's copy (tag + note, nothing written), writes on a newer one", async () => {
    const contact = contacts()[3];
    const theirs = stored(contact.id)!.dateUpdated as string;
    const older = new Date(Date.parse(theirs) - 60_000).toISOString();

    const halted = run('update_contact', { contactId: contact.id, firstName: 'Overwritten', sourceUpdatedAt: older });
    await expect(halted).rejects.toMatchObject({ name: 'HaltedError' });
    await expect(halted).rejects.toThrow(/not overwritten.*First Name/);
    expect(stored(contact.id)!.firstName).toBe(contact.firstName);
    expect(stored(contact.id)!.tags).toContain('zapier-review');
    const notes = [...sandbox.state.notes.values()].filter((n) => n.contactId === contact.id);
    expect(notes.map((n) => n.body).join(' ')).toMatch(/did not apply an update.*First Name/);
    expect(notes.map((n) => n.body).join(' ')).not.toContain('Overwritten'); // names fields, never values

    const newer = new Date(Date.parse(stored(contact.id)!.dateUpdated) + 60_000).toISOString();
    const written = await run('update_contact', { contactId: contact.id, firstName: 'Lee', sourceUpdatedAt: newer });
    expect(written).toMatchObject({ id: contact.id, firstName: 'Lee' });
    expect(stored(contact.id)!.firstName).toBe('Lee');
  });
});

describe('bulk updates', () => {
  it('Bulk Update Contact Tags adds and removes tags on many contacts, and reports unknown contacts', async () => {
    const [a, b, c] = contacts();
    const added = await run('bulk_update_contact_tags', { type: 'add', contactIds: [a.id, b.id], tags: ['spring-promo'] });
    expect(added).toMatchObject({ type: 'add', succeded: true, errorCount: 0, failures: [] });
    expect(added.responses.map((r: Item) => r.tagsAdded)).toEqual([['spring-promo'], ['spring-promo']]);
    expect(stored(a.id)!.tags).toContain('spring-promo');
    expect(stored(b.id)!.tags).toContain('spring-promo');

    const missing = 'AAAAAAAAAAAAAAAAAAAA';
    const removed = await run('bulk_update_contact_tags', { type: 'remove', contactIds: [a.id, missing], tags: ['spring-promo'] });
    expect(removed).toMatchObject({ succeded: true, errorCount: 1, failures: [`${missing}: Contact not found`] });
    expect(stored(a.id)!.tags).not.toContain('spring-promo');
    expect(stored(b.id)!.tags).toContain('spring-promo');

    await run('bulk_update_contact_tags', { type: 'remove', contactIds: [c.id], removeAllTags: true });
    expect(stored(c.id)!.tags).toEqual([]);
    await expect(run('bulk_update_contact_tags', { type: 'add', contactIds: [missing], tags: ['x'] })).rejects.toThrow(
      /changed no contact/,
    );
  });

  it('Assign Contacts to Business assigns and removes; New Contact in Business lists the members', async () => {
    const token = sandbox.state.issueTokens().access_token;
    const business = (await call(sandbox, 'GET', `/businesses/?locationId=${locationId}`, { token })).body.businesses[0];
    const [a, b] = contacts();
    const assigned = await run('bulk_update_contact_business', { change: 'assign', businessId: business.id, contactIds: [a.id, b.id] });
    expect(assigned).toMatchObject({ success: true, businessId: business.id, ids: [a.id, b.id] });
    expect((await run('new_business_contact', { businessId: business.id })).map((c: Item) => c.id).sort()).toEqual([a.id, b.id].sort());

    await run('bulk_update_contact_business', { change: 'remove', contactIds: [a.id] });
    expect((await run('new_business_contact', { businessId: business.id })).map((c: Item) => c.id)).toEqual([b.id]);
    expect(stored(a.id)!.businessId).toBeUndefined();
    await expect(
      run('bulk_update_contact_business', { change: 'assign', businessId: 'nosuchbusiness000000000', contactIds: [a.id] }),
    ).rejects.toThrow(/Business not found/);
  });
});

describe('followers, campaigns and workflows', () => {
  it('adds and removes followers, refusing users the location does not have', async () => {
    const contact = contacts()[1];
    const [u1, u2] = sandbox.state.usersOf(locationId);
    expect(await run('add_contact_followers', { contactId: contact.id, followers: [u1.id, u2.id] })).toEqual({
      id: contact.id,
      followers: [u1.id, u2.id],
      followersAdded: [u1.id, u2.id],
    });
    expect(await run('remove_contact_followers', { contactId: contact.id, followers: [u1.id] })).toEqual({
      id: contact.id,
      followers: [u2.id],
      followersRemoved: [u1.id],
    });
    expect(stored(contact.id)!.followers).toEqual([u2.id]);
    await expect(run('add_contact_followers', { contactId: contact.id, followers: ['NoSuchUser0000000000'] })).rejects.toThrow(
      /Users not found/,
    );
  });

  it('adds to and removes from campaigns and workflows', async () => {
    const contact = contacts()[2];
    await run('add_contact_to_campaign', { contactId: contact.id, campaignId: 'CampaignA00000000000' });
    await run('add_contact_to_campaign', { contactId: contact.id, campaignId: 'CampaignB00000000000' });
    expect(await run('remove_contact_from_campaign', { contactId: contact.id, campaignId: 'CampaignA00000000000' })).toMatchObject({
      succeded: true,
    });
    expect([...sandbox.state.campaignMembers.get(contact.id)!]).toEqual(['CampaignB00000000000']);
    await run('remove_contact_from_all_campaigns', { contactId: contact.id });
    expect(sandbox.state.campaignMembers.has(contact.id)).toBe(false);

    const workflowId = '78559bb3-b920-461e-b010-7b2a2816d2a9';
    const eventStartTime = '2026-07-01T15:00:00Z';
    expect(await run('add_contact_to_workflow', { contactId: contact.id, workflowId, eventStartTime })).toMatchObject({
      succeded: true,
      workflowId,
    });
    expect(sandbox.state.workflowEnrollments.get(contact.id)?.get(workflowId)).toMatchObject({
      eventStartTime: expect.stringMatching(/^2026-07-01T15:00:00/),
    });
    await run('remove_contact_from_workflow', { contactId: contact.id, workflowId });
    expect(sandbox.state.workflowEnrollments.get(contact.id)?.has(workflowId)).toBe(false);
  });
});

describe('single tasks and notes', () => {
  it('finds and deletes a task, finds, updates and deletes a note', async () => {
    const contact = contacts()[0];
    const task = await run('create_task', { contactId: contact.id, title: 'Replace valve', dueDate: '2026-06-02T15:00:00Z' });
    expect(await run('find_task', { contactId: contact.id, taskId: task.id })).toEqual([
      expect.objectContaining({ id: task.id, title: 'Replace valve' }),
    ]);
    expect(await run('delete_task', { contactId: contact.id, taskId: task.id })).toMatchObject({ id: task.id, deleted: true });
    expect(sandbox.state.tasks.has(task.id)).toBe(false);
    expect(await run('find_task', { contactId: contact.id, taskId: task.id })).toEqual([]);

    const note = await run('create_note', { contactId: contact.id, body: 'First draft.' });
    const updated = await run('update_note', { contactId: contact.id, noteId: note.id, body: 'Final text.' });
    expect(updated).toMatchObject({ id: note.id, body: 'Final text.', dateAdded: note.dateAdded });
    expect(await run('find_note', { contactId: contact.id, noteId: note.id })).toEqual([
      expect.objectContaining({ id: note.id, body: 'Final text.' }),
    ]);
    expect(await run('delete_note', { contactId: contact.id, noteId: note.id })).toMatchObject({ id: note.id, deleted: true });
    expect(await run('find_note', { contactId: contact.id, noteId: note.id })).toEqual([]);
  });
});

describe('response shapes', () => {
  it('the relaxed customFields value still refuses shapes HighLevel never answers', () => {
    const bad = checkResponse('GET', '/contacts/{contactId}', 200, {
      contact: { id: 'c1', customFields: [{ id: 'f', value: { nested: true } }] },
    });
    expect(bad.ok).toBe(false);
    const good = checkResponse('GET', '/contacts/{contactId}', 200, {
      contact: {
        id: 'c1',
        customFields: [
          { id: 'f', value: ['a'] },
          { id: 'g', value: 3 },
        ],
      },
    });
    expect(good).toMatchObject({ ok: true });
  });

  it('every route added here answered, and was checked against the spec', () => {
    const served = new Set(sandbox.requests.filter((r) => r.status < 400).map((r) => `${r.method} ${r.route}`));
    const expected = [
      'DELETE /contacts/{contactId}',
      'GET /contacts/{contactId}/tasks/{taskId}',
      'DELETE /contacts/{contactId}/tasks/{taskId}',
      'GET /contacts/{contactId}/notes/{id}',
      'PUT /contacts/{contactId}/notes/{id}',
      'DELETE /contacts/{contactId}/notes/{id}',
      'GET /contacts/{contactId}/appointments',
      'GET /contacts/',
      'GET /contacts/business/{businessId}',
      'POST /contacts/bulk/tags/update/{type}',
      'POST /contacts/bulk/business',
      'POST /contacts/{contactId}/followers',
      'DELETE /contacts/{contactId}/followers',
      'POST /contacts/{contactId}/campaigns/{campaignId}',
      'DELETE /contacts/{contactId}/campaigns/{campaignId}',
      'DELETE /contacts/{contactId}/campaigns/removeAll',
      'POST /contacts/{contactId}/workflow/{workflowId}',
      'DELETE /contacts/{contactId}/workflow/{workflowId}',
      'GET /locations/{locationId}/tags',
      'GET /locations/{locationId}/customFields',
    ];
    expect(expected.filter((r) => !served.has(r))).toEqual([]);
  });
});
