import { contactSample } from '../../src/fields/contact';
import { AUTH, highlevel, operation, run } from '../support/highlevel';

const contact = (id: string, dateAdded: string, extra: Record<string, unknown> = {}) => ({ ...contactSample, id, dateAdded, ...extra });

describe('New Contact trigger', () => {
  it('asks HighLevel for the newest contacts first, in one request', async () => {
    const scope = highlevel()
      .post('/contacts/search', (body) => {
        expect(body).toEqual({ locationId: AUTH.locationId, pageLimit: 100, page: 1, sort: [{ field: 'dateAdded', direction: 'desc' }] });
        return true;
      })
      .matchHeader('version', '2021-07-28')
      .matchHeader('authorization', `Bearer ${AUTH.access_token}`)
      .reply(200, { contacts: [contact('c2', '2026-03-02T10:00:00.000Z'), contact('c1', '2026-03-01T10:00:00.000Z')], total: 2 });
    const results = await run(operation('new_contact'));
    expect(results.map((c: any) => c.id)).toEqual(['c2', 'c1']);
    scope.done();
  });

  it('names the street and full name as every other contact answer does', async () => {
    // Live search answers say `address` and `contactName` (GoHighLevel/highlevel-api-docs#314).
    const { address1: _a, name: _n, ...searched } = contactSample;
    highlevel()
      .post('/contacts/search')
      .reply(200, { contacts: [{ ...searched, id: 'c1', address: '3535 1st St N', contactName: 'rosa delgado' }] });
    const [result] = await run(operation('new_contact'));
    expect(result).toMatchObject({ id: 'c1', address1: '3535 1st St N', name: 'rosa delgado' });
  });

  it('asks for a small page when Zapier loads a sample', async () => {
    highlevel()
      .post('/contacts/search', (body) => body.pageLimit === 10)
      .reply(200, { contacts: [contact('c1', '2026-03-01T10:00:00.000Z')] });
    const results = await run(operation('new_contact'), {}, { meta: { isLoadingSample: true } });
    expect(results).toHaveLength(1);
  });
});

describe('contact actions', () => {
  it('Create Contact sends the fields HighLevel expects and returns the contact', async () => {
    highlevel()
      .post('/contacts/', {
        locationId: AUTH.locationId,
        firstName: 'Rosa',
        email: 'rosa@example.com',
        tags: ['lead', 'vip'],
        dnd: true,
        dateOfBirth: '1990-09-25',
      })
      .reply(201, { contact: contact('new1', '2026-03-02T10:00:00.000Z', { firstName: 'Rosa' }) });
    const result = await run(operation('create_contact'), {
      firstName: ' Rosa ',
      email: 'rosa@example.com',
      tags: 'lead, vip',
      dnd: 'yes',
      dateOfBirth: '1990-09-25T00:00:00Z',
      lastName: '',
    });
    expect(result).toMatchObject({ id: 'new1', firstName: 'Rosa' });
  });

  it('Update Contact puts only the filled fields to the contact', async () => {
    highlevel()
      .put('/contacts/c1', { companyName: 'Delgado Plumbing' })
      .reply(200, { succeded: true, contact: contact('c1', '2026-03-01T10:00:00.000Z') });
    const result = await run(operation('update_contact'), { contactId: 'c1', companyName: 'Delgado Plumbing', email: '' });
    expect(result.id).toBe('c1');
  });

  it('Create or Update Contact says whether HighLevel created the contact', async () => {
    // First: is the email another contact's additional email? (issue 10)
    highlevel().get('/contacts/search/duplicate').query(true).reply(200, { contact: null });
    highlevel()
      .post('/contacts/upsert', { locationId: AUTH.locationId, email: 'rosa@example.com' })
      .reply(200, { new: false, contact: contact('c1', '2026-03-01T10:00:00.000Z') });
    const result = await run(operation('upsert_contact'), { email: 'rosa@example.com' });
    expect(result).toMatchObject({ id: 'c1', isNew: false });
  });

  it('Add Tags and Remove Tags send the tag list', async () => {
    highlevel()
      .post('/contacts/c1/tags', { tags: ['a', 'b'] })
      .reply(201, { tags: ['x', 'a', 'b'] });
    expect(await run(operation('add_contact_tags'), { contactId: 'c1', tags: ['a', 'b', 'a'] })).toEqual({
      id: 'c1',
      tags: ['x', 'a', 'b'],
    });
    highlevel()
      .delete('/contacts/c1/tags', { tags: ['x'] })
      .reply(200, { tags: ['a', 'b'] });
    expect(await run(operation('remove_contact_tags'), { contactId: 'c1', tags: 'x' })).toEqual({ id: 'c1', tags: ['a', 'b'] });
  });
});

describe('tasks', () => {
  const task = { id: 't1', title: 'Call back', dueDate: '2026-03-05T15:00:00.000Z', completed: false };

  it('Create Task sends an open task with an ISO due date', async () => {
    highlevel()
      .post('/contacts/c1/tasks', { title: 'Call back', dueDate: '2026-03-05T15:00:00.000Z', completed: false })
      .reply(201, { task });
    const result = await run(operation('create_task'), { contactId: 'c1', title: 'Call back', dueDate: '2026-03-05T10:00:00-05:00' });
    expect(result).toMatchObject({ id: 't1', contactId: 'c1' });
  });

  it('Update Task and Complete Task address the task of the contact', async () => {
    highlevel()
      .put('/contacts/c1/tasks/t1', { title: 'Call back today' })
      .reply(200, { task: { ...task, title: 'Call back today' } });
    expect((await run(operation('update_task'), { contactId: 'c1', taskId: 't1', title: 'Call back today' })).title).toBe(
      'Call back today',
    );
    highlevel()
      .put('/contacts/c1/tasks/t1/completed', { completed: true })
      .reply(200, { task: { ...task, completed: true } });
    expect((await run(operation('complete_task'), { contactId: 'c1', taskId: 't1' })).completed).toBe(true);
  });

  it('New Task reads open tasks page by page and gives every task an id', async () => {
    const page = (n: number, from: number) => Array.from({ length: n }, (_, i) => ({ _id: `t${from + i}`, title: `Task ${from + i}` }));
    highlevel()
      .post(`/locations/${AUTH.locationId}/tasks/search`, { limit: 100, skip: 0, completed: false })
      .reply(200, { tasks: page(100, 0) })
      .post(`/locations/${AUTH.locationId}/tasks/search`, { limit: 100, skip: 100, completed: false })
      .reply(200, { tasks: page(3, 100) });
    const results = await run(operation('new_task'));
    expect(results).toHaveLength(103);
    expect(results[102].id).toBe('t102');
  });
});

describe('notes', () => {
  it("New Note lists the chosen contact's notes newest first", async () => {
    highlevel()
      .get('/contacts/c1/notes')
      .reply(200, {
        notes: [
          { id: 'n1', body: 'old', dateAdded: '2026-03-01T00:00:00.000Z' },
          { id: 'n2', body: 'new', dateAdded: '2026-03-03T00:00:00.000Z' },
        ],
      });
    const results = await run(operation('new_note'), { contactId: 'c1' });
    expect(results.map((n: any) => n.id)).toEqual(['n2', 'n1']);
  });

  it('Create Note adds the note to the contact', async () => {
    highlevel()
      .post('/contacts/c1/notes', { body: 'Called, left a voicemail.' })
      .reply(201, { note: { id: 'n3', body: 'Called, left a voicemail.' } });
    expect(await run(operation('create_note'), { contactId: 'c1', body: 'Called, left a voicemail.' })).toMatchObject({
      id: 'n3',
      contactId: 'c1',
    });
  });
});

describe('Find Contact', () => {
  it('finds by id, and a 404 is no result', async () => {
    highlevel()
      .get('/contacts/c1')
      .reply(200, { contact: contact('c1', '2026-03-01T10:00:00.000Z') });
    expect((await run(operation('find_contact'), { contactId: 'c1' }))[0].id).toBe('c1');
    highlevel().get('/contacts/nope').reply(404, { statusCode: 404, message: 'Contact not found' });
    expect(await run(operation('find_contact'), { contactId: 'nope' })).toEqual([]);
  });

  it('finds by email or phone through the duplicate search', async () => {
    highlevel()
      .get('/contacts/search/duplicate')
      .query({ locationId: AUTH.locationId, email: 'rosa@example.com' })
      .reply(200, { contact: contact('c1', '2026-03-01T10:00:00.000Z') });
    expect(await run(operation('find_contact'), { email: 'rosa@example.com' })).toHaveLength(1);
    highlevel()
      .get('/contacts/search/duplicate')
      .query({ locationId: AUTH.locationId, number: '+15550100199' })
      .reply(200, { contact: null });
    expect(await run(operation('find_contact'), { phone: '+15550100199' })).toEqual([]);
  });

  it('tries the phone when the email finds nobody', async () => {
    highlevel()
      .get('/contacts/search/duplicate')
      .query({ locationId: AUTH.locationId, email: 'new@example.com' })
      .reply(200, { contact: null });
    highlevel()
      .get('/contacts/search/duplicate')
      .query({ locationId: AUTH.locationId, number: '+15550100199' })
      .reply(200, { contact: contact('c1', '2026-03-01T10:00:00.000Z') });
    const found = await run(operation('find_contact'), { email: 'new@example.com', phone: '+15550100199' });
    expect(found.map((c: any) => c.id)).toEqual(['c1']);
  });

  it('finds by free text', async () => {
    highlevel()
      .post('/contacts/search', { locationId: AUTH.locationId, query: 'Delgado', pageLimit: 10, page: 1 })
      .reply(200, { contacts: [contact('c1', '2026-03-01T10:00:00.000Z')] });
    expect(await run(operation('find_contact'), { query: 'Delgado' })).toHaveLength(1);
  });

  it('needs one of its inputs, and says so before any request', async () => {
    // nock allows no network here: a request would fail with a different error.
    await expect(run(operation('find_contact'), {})).rejects.toThrow(
      /fill in one of Contact ID \(contactId\), Email \(email\), Phone \(phone\) or Search Text \(query\)/,
    );
  });
});

describe('dropdowns', () => {
  it('lists contacts by name and email (or phone), page by page', async () => {
    highlevel()
      .post('/contacts/search', (b) => b.page === 2 && b.pageLimit === 50)
      .reply(200, { contacts: [contact('c9', '2026-03-01T10:00:00.000Z', { firstName: 'Ana', lastName: 'Li' })] });
    const results = await run(operation('contact_list'), {}, { meta: { page: 1 } });
    expect(results[0]).toMatchObject({ id: 'c9', name: 'Ana Li (rosa.delgado@example.com)' });
  });

  it('lists users once; "load more" adds nothing', async () => {
    highlevel()
      .get('/users/')
      .query({ locationId: AUTH.locationId })
      .reply(200, { users: [{ id: 'u1', name: 'Sam Rivera' }] });
    expect(await run(operation('user_list'))).toEqual([{ id: 'u1', name: 'Sam Rivera' }]);
    expect(await run(operation('user_list'), {}, { meta: { page: 1 } })).toEqual([]);
  });
});
