import { findOperation } from '../../contract/openapi';
import { routes } from '../../sandbox/routes';
import { Sandbox, startSandbox } from '../../sandbox/server';
import { call, checkedSandbox, tokenFor } from './support';

let sandbox: Sandbox;
let violations: string[];
let token: string;
let locationId: string;

beforeAll(async () => {
  ({ sandbox, violations } = await checkedSandbox());
  token = tokenFor(sandbox);
  locationId = sandbox.state.locationId;
});
afterAll(() => sandbox.close());

afterEach(() => {
  // Every response any test here received must match the spec's response schema for its status.
  const found = violations.splice(0);
  expect(found).toEqual([]);
});

const get = (path: string, t: string | null = token) => call(sandbox, 'GET', path, { token: t });
const post = (path: string, body: unknown, t: string | null = token) => call(sandbox, 'POST', path, { token: t, body });
const put = (path: string, body: unknown) => call(sandbox, 'PUT', path, { token, body });

describe('sandbox server', () => {
  it('serves only spec operations: every route is a HighLevel operation', () => {
    const unknown = routes.filter(
      (r) => findOperation(r.method, r.path.replace(/\{(\w+)\}/g, 'x'))?.pathTemplate.replace(/\/$/, '') !== r.path.replace(/\/$/, ''),
    );
    expect(unknown.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('starts on 127.0.0.1 in well under a second', async () => {
    const started = Date.now();
    const other = await startSandbox({ seed: true });
    const elapsed = Date.now() - started;
    await other.close();
    expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(elapsed).toBeLessThan(500);
  });

  it('rejects a request the spec rejects with 422, naming the problem, in HighLevel words', async () => {
    // CreateTaskParams requires title, dueDate and completed.
    const contact = sandbox.state.contactsOf(locationId)[0];
    const res = await post(`/contacts/${contact.id}/tasks`, { title: 'No due date' });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ statusCode: 422, traceId: expect.any(String) });
    expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/dueDate/), expect.stringMatching(/completed/)]));
    expect(res.headers.get('x-trace-id')).toBeTruthy();
  });

  it('422s a missing Version header and an undeclared query parameter', async () => {
    const noVersion = await call(sandbox, 'GET', `/locations/${locationId}`, { token, version: null });
    expect(noVersion.status).toBe(422);
    expect(noVersion.body.message.join(' ')).toMatch(/Version/);
    const extra = await get(`/users/?locationId=${locationId}&color=blue`);
    expect(extra.status).toBe(422);
    expect(extra.body.message.join(' ')).toMatch(/color/);
  });

  it('answers 401 "Invalid JWT" without a token or with one it did not issue', async () => {
    for (const t of [null, 'not-a-sandbox-token']) {
      const res = await get(`/locations/${locationId}`, t);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, message: 'Invalid JWT', traceId: expect.any(String) });
    }
  });

  it('answers 404 "Not found" for routes it does not serve', async () => {
    const res = await get('/no/such/endpoint');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, message: 'Not found' });
  });

  it('sends HighLevel rate-limit headers with every answer, counting down per token', async () => {
    const fresh = tokenFor(sandbox);
    const first = await get(`/locations/${locationId}`, fresh);
    const second = await get(`/locations/${locationId}`, fresh);
    expect(first.headers.get('x-ratelimit-max')).toBe('100');
    expect(first.headers.get('x-ratelimit-interval-milliseconds')).toBe('10000');
    expect(Number(second.headers.get('x-ratelimit-remaining'))).toBe(Number(first.headers.get('x-ratelimit-remaining')) - 1);
    expect(Number(second.headers.get('x-ratelimit-daily-remaining'))).toBe(Number(first.headers.get('x-ratelimit-daily-remaining')) - 1);
  });

  it('enforces a configured rate limit per token with 429 and the headers', async () => {
    const limited = await startSandbox({ rateLimit: { limit: 3, windowMs: 60_000 } });
    try {
      const a = tokenFor(limited);
      const b = tokenFor(limited);
      const path = `/locations/${limited.state.locationId}`;
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call(limited, 'GET', path, { token: a })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await call(limited, 'GET', path, { token: a });
      expect(refused.body).toMatchObject({ statusCode: 429, message: 'Too many requests' });
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(refused.headers.get('x-ratelimit-max')).toBe('3');
      expect(refused.headers.get('x-ratelimit-interval-milliseconds')).toBe('60000');
      expect((await call(limited, 'GET', path, { token: b })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('records every request it served', async () => {
    const before = sandbox.requests.length;
    await get(`/contacts/${sandbox.state.contactsOf(locationId)[0].id}`);
    expect(sandbox.requests.slice(before)).toEqual([
      { method: 'GET', path: expect.stringMatching(/^\/contacts\//), status: 200, route: '/contacts/{contactId}' },
    ]);
  });
});

describe('OAuth', () => {
  const client = { client_id: 'test-client-id', client_secret: 'test-client-secret' };
  const token = (form: Record<string, string>) => call(sandbox, 'POST', '/oauth/token', { form: { ...client, ...form }, version: null });

  it('exchanges any authorization code for tokens of the sandbox location', async () => {
    const res = await token({ grant_type: 'authorization_code', code: 'any-code' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      userType: 'Location',
      locationId,
      companyId: sandbox.state.companyId,
      access_token: expect.any(String),
      refresh_token: expect.any(String),
    });
    expect((await get(`/locations/${locationId}`, res.body.access_token)).status).toBe(200);
  });

  it('rotates refresh tokens: a refresh issues new tokens and the old refresh token stops working', async () => {
    const first = (await token({ grant_type: 'authorization_code', code: 'c' })).body;
    const second = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect(second.body.access_token).not.toBe(first.access_token);
    expect((await get(`/locations/${locationId}`, second.body.access_token)).status).toBe(200);

    const reused = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(reused.status).toBe(401);
    expect(reused.body.message).toMatch(/refresh token is invalid/);
    expect((await token({ grant_type: 'refresh_token', refresh_token: second.body.refresh_token })).status).toBe(200);
  });

  it('422s a token request without the client secret', async () => {
    const res = await call(sandbox, 'POST', '/oauth/token', {
      form: { client_id: 'x', grant_type: 'authorization_code', code: 'c' },
      version: null,
    });
    expect(res.status).toBe(422);
    expect(res.body.message.join(' ')).toMatch(/client_secret/);
  });
});

describe('locations and users', () => {
  it('returns the location of the token, and 403 for another location', async () => {
    const res = await get(`/locations/${locationId}`);
    expect(res.body.location).toMatchObject({
      id: locationId,
      name: 'Sandbox Plumbing Co.',
      companyId: sandbox.state.companyId,
      timezone: expect.any(String),
    });
    const other = await get('/locations/AAAAAAAAAAAAAAAAAAAA');
    expect(other.status).toBe(403);
  });

  it("lists the location's users", async () => {
    const res = await get(`/users/?locationId=${locationId}`);
    expect(res.status).toBe(200);
    expect(res.body.users.length).toBeGreaterThanOrEqual(3);
    expect(res.body.users[0]).toMatchObject({ id: expect.stringMatching(/^[A-Za-z0-9]{20}$/), name: expect.any(String) });
  });
});

describe('contacts', () => {
  const search = (body: Record<string, unknown>) => post('/contacts/search', { locationId, ...body });

  it('seeds five contacts with distinct ISO dateAdded and HighLevel-like ids', () => {
    const contacts = sandbox.state.contactsOf(locationId);
    expect(contacts.length).toBeGreaterThanOrEqual(5);
    expect(new Set(contacts.map((c) => c.dateAdded)).size).toBe(contacts.length);
    for (const c of contacts) {
      expect(c.id).toMatch(/^[A-Za-z0-9]{20}$/);
      expect(new Date(c.dateAdded).toISOString()).toBe(c.dateAdded);
    }
  });

  it('searches with sort, pageLimit and page', async () => {
    const desc = await search({ pageLimit: 2, page: 1, sort: [{ field: 'dateAdded', direction: 'desc' }] });
    expect(desc.status).toBe(200);
    expect(desc.body.total).toBe(sandbox.state.contactsOf(locationId).length);
    expect(desc.body.contacts).toHaveLength(2);
    const [a, b] = desc.body.contacts;
    expect(a.dateAdded > b.dateAdded).toBe(true);
    const page2 = await search({ pageLimit: 2, page: 2, sort: [{ field: 'dateAdded', direction: 'desc' }] });
    expect(page2.body.contacts[0].dateAdded < b.dateAdded).toBe(true);
    const asc = await search({ pageLimit: 1, sort: [{ field: 'dateAdded', direction: 'asc' }] });
    const all = sandbox.state
      .contactsOf(locationId)
      .map((c) => c.dateAdded)
      .sort();
    expect(asc.body.contacts[0].dateAdded).toBe(all[0]);
  });

  it('continues after a searchAfter cursor without repeating or skipping', async () => {
    const sort = [{ field: 'dateAdded', direction: 'desc' }];
    const seen: string[] = [];
    let cursor: unknown;
    for (let i = 0; i < 10; i++) {
      const res = await search({ pageLimit: 2, sort, ...(cursor ? { searchAfter: cursor } : {}) });
      if (!res.body.contacts.length) break;
      seen.push(...res.body.contacts.map((c: any) => c.id));
      cursor = res.body.contacts[res.body.contacts.length - 1].searchAfter;
    }
    const expected = (await search({ pageLimit: 100, sort })).body.contacts.map((c: any) => c.id);
    expect(seen).toEqual(expected);
  });

  it('matches a free-text query against name, email and company', async () => {
    const res = await search({ query: 'tanaka', pageLimit: 10 });
    expect(res.body.contacts.map((c: any) => c.name)).toEqual(['Mei Tanaka']);
    expect(res.body.total).toBe(1);
  });

  it('creates, reads and updates a contact with server-set dates', async () => {
    const created = await post('/contacts/', {
      locationId,
      firstName: 'Nia',
      lastName: 'Kowalski',
      email: 'nia@example.com',
      phone: '(555) 010-0777',
    });
    expect(created.status).toBe(201);
    const contact = created.body.contact;
    expect(contact).toMatchObject({
      id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
      locationId,
      name: 'Nia Kowalski',
      phone: '+15550100777',
    });
    expect(new Date(contact.dateAdded).toISOString()).toBe(contact.dateAdded);

    expect((await get(`/contacts/${contact.id}`)).body.contact).toMatchObject({ id: contact.id, email: 'nia@example.com' });
    const updated = await put(`/contacts/${contact.id}`, { city: 'Tulsa', tags: ['vip'] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      succeded: true,
      contact: { id: contact.id, city: 'Tulsa', tags: ['vip'], dateAdded: contact.dateAdded },
    });
    expect(updated.body.contact.dateUpdated > contact.dateUpdated).toBe(true);
  });

  it('refuses a duplicate email or phone on create, as a location without duplicates does', async () => {
    const existing = sandbox.state.contactsOf(locationId)[0];
    const res = await post('/contacts/', { locationId, firstName: 'Again', email: existing.email.toUpperCase() });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      message: 'This location does not allow duplicated contacts.',
      meta: { contactId: existing.id, matchingField: 'email' },
    });
  });

  it('finds duplicates by email or number, and answers a null contact when none matches', async () => {
    const existing = sandbox.state.contactsOf(locationId)[1];
    const byEmail = await get(`/contacts/search/duplicate?locationId=${locationId}&email=${encodeURIComponent(existing.email)}`);
    expect(byEmail.body.contact.id).toBe(existing.id);
    const byNumber = await get(`/contacts/search/duplicate?locationId=${locationId}&number=${encodeURIComponent(existing.phone)}`);
    expect(byNumber.body.contact.id).toBe(existing.id);
    const none = await get(`/contacts/search/duplicate?locationId=${locationId}&email=nobody%40example.com`);
    expect(none.body).toEqual({ contact: null });
  });

  it('upserts: matches by email, then by phone, else creates', async () => {
    const [first, second] = sandbox.state.contactsOf(locationId);
    const byEmail = await post('/contacts/upsert', { locationId, email: first.email, city: 'Mobile' });
    expect(byEmail.body).toMatchObject({ new: false, contact: { id: first.id, city: 'Mobile' } });
    const byPhone = await post('/contacts/upsert', { locationId, phone: second.phone, firstName: 'Thomas' });
    expect(byPhone.body).toMatchObject({ new: false, contact: { id: second.id, firstName: 'Thomas' } });
    const fresh = await post('/contacts/upsert', { locationId, email: 'brand.new@example.com' });
    expect(fresh.body).toMatchObject({ new: true, contact: { email: 'brand.new@example.com' } });
    expect(sandbox.state.contacts.get(fresh.body.contact.id)).toBeDefined();
  });

  it('adds and removes tags', async () => {
    const contact = sandbox.state.contactsOf(locationId)[2];
    const added = await post(`/contacts/${contact.id}/tags`, { tags: ['urgent', 'lead'] });
    expect(added.status).toBe(201);
    expect(added.body.tags).toEqual(expect.arrayContaining(['lead', 'urgent']));
    const removed = await call(sandbox, 'DELETE', `/contacts/${contact.id}/tags`, { token, body: { tags: ['lead'] } });
    expect(removed.status).toBe(200);
    expect(removed.body.tags).toEqual(['urgent']);
  });

  it("hides other locations' contacts: 404, and 403 for another location's search", async () => {
    const otherToken = sandbox.state.issueTokens({ locationId: 'OtherLocation00000000', companyId: 'c', userId: 'u' }).access_token;
    const contact = sandbox.state.contactsOf(locationId)[0];
    const res = await get(`/contacts/${contact.id}`, otherToken);
    expect(res.status).toBe(404);
    expect((await post('/contacts/search', { locationId, pageLimit: 10 }, otherToken)).status).toBe(403);
  });
});

describe('tasks and notes', () => {
  const contactId = () => sandbox.state.contactsOf(locationId)[3].id;

  it('creates, lists, updates and completes a task', async () => {
    const created = await post(`/contacts/${contactId()}/tasks`, {
      title: 'Inspect boiler',
      dueDate: '2026-05-01T15:00:00.000Z',
      completed: false,
    });
    expect(created.status).toBe(201);
    const task = created.body.task;
    expect(task).toMatchObject({
      id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
      title: 'Inspect boiler',
      completed: false,
      contactId: contactId(),
    });

    expect((await get(`/contacts/${contactId()}/tasks`)).body.tasks.map((t: any) => t.id)).toContain(task.id);
    const updated = await put(`/contacts/${contactId()}/tasks/${task.id}`, { title: 'Inspect boiler and pipes' });
    expect(updated.body.task).toMatchObject({ id: task.id, title: 'Inspect boiler and pipes', completed: false });
    const done = await put(`/contacts/${contactId()}/tasks/${task.id}/completed`, { completed: true });
    expect(done.body.task).toMatchObject({ id: task.id, completed: true });
    expect((await put(`/contacts/${contactId()}/tasks/AAAAAAAAAAAAAAAAAAAA/completed`, { completed: true })).status).toBe(404);
  });

  it('searches location tasks with completed, assignedTo, skip and limit, unsorted', async () => {
    const search = (body: Record<string, unknown>) => post(`/locations/${locationId}/tasks/search`, body);
    const all = (await search({ limit: 100 })).body.tasks;
    const tasks = [...sandbox.state.tasks.values()].filter((t) => sandbox.state.contacts.get(t.contactId)?.locationId === locationId);
    expect(all.map((t: any) => t._id)).toEqual(tasks.map((t) => t.id));
    const open = (await search({ completed: false, limit: 100 })).body.tasks;
    expect(open.length).toBe(tasks.filter((t) => !t.completed).length);
    expect(open.every((t: any) => t.completed === false)).toBe(true);
    const user = tasks[0].assignedTo;
    const mine = (await search({ assignedTo: [user], limit: 100 })).body.tasks;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((t: any) => t.assignedTo === user)).toBe(true);
    const page = (await search({ skip: 1, limit: 1 })).body.tasks;
    expect(page.map((t: any) => t._id)).toEqual([tasks[1].id]);
  });

  it('adds and lists notes with server-set dateAdded', async () => {
    const user = sandbox.state.usersOf(locationId)[0];
    const created = await post(`/contacts/${contactId()}/notes`, { body: 'Boiler is 12 years old.', userId: user.id });
    expect(created.status).toBe(201);
    expect(created.body.note).toMatchObject({
      id: expect.stringMatching(/^[A-Za-z0-9]{20}$/),
      body: 'Boiler is 12 years old.',
      contactId: contactId(),
      userId: user.id,
    });
    expect(new Date(created.body.note.dateAdded).toISOString()).toBe(created.body.note.dateAdded);
    const listed = await get(`/contacts/${contactId()}/notes`);
    expect(listed.body.notes.map((n: any) => n.id)).toContain(created.body.note.id);
  });
});
