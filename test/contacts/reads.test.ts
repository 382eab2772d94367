// Contact triggers and searches added for the catalog: requests sent, order and ids of the output.
import { contactSample } from '../../src/fields/contact';
import { noteSample } from '../../src/fields/note';
import { taskSample } from '../../src/fields/task';
import { AUTH, highlevel, operation, run } from '../support/highlevel';

const contact = (id: string, extra: Record<string, unknown> = {}) => ({ ...contactSample, id, ...extra });

describe('Updated Contact', () => {
  it('asks for the most recently updated contacts in one request and keys each change', async () => {
    const scope = highlevel()
      .post('/contacts/search', {
        locationId: AUTH.locationId,
        pageLimit: 100,
        page: 1,
        sort: [{ field: 'dateUpdated', direction: 'desc' }],
      })
      .reply(200, {
        contacts: [
          contact('c2', { dateUpdated: '2026-03-05T10:00:00.000Z' }),
          contact('c1', { dateUpdated: '2026-03-04T10:00:00.000Z' }),
          contact('c0', { dateUpdated: undefined }),
        ],
      });
    const results: any = await run(operation('updated_contact'));
    expect(results.map((c: any) => [c.id, c.contactId])).toEqual([
      ['c2_2026-03-05T10:00:00.000Z', 'c2'],
      ['c1_2026-03-04T10:00:00.000Z', 'c1'],
    ]);
    scope.done();
  });
});

describe('New Contact With Tag', () => {
  it('searches by tag, newest change first, one item per contact and tag', async () => {
    const scope = highlevel()
      .post('/contacts/search', {
        locationId: AUTH.locationId,
        pageLimit: 100,
        page: 1,
        filters: [{ field: 'tags', operator: 'eq', value: 'vip' }],
        sort: [{ field: 'dateUpdated', direction: 'desc' }],
      })
      .reply(200, {
        contacts: [contact('c2', { tags: ['VIP', 'lead'] }), contact('c1', { tags: ['lead'] })],
      });
    const results: any = await run(operation('new_contact_with_tag'), { tag: 'vip' });
    // c1 lost the tag after the index matched it: not a contact with the tag.
    expect(results.map((c: any) => [c.id, c.contactId, c.tag])).toEqual([['c2_vip', 'c2', 'vip']]);
    scope.done();
  });

  it('needs a tag before any request', async () => {
    await expect(run(operation('new_contact_with_tag'), {})).rejects.toThrow(/"?Tag"? \(tag\) is required/);
  });

  it('offers the location tags by name', async () => {
    highlevel()
      .get(`/locations/${AUTH.locationId}/tags`)
      .reply(200, {
        tags: [
          { id: 't1', name: 'vip', locationId: AUTH.locationId },
          { id: 't2', name: ' ' },
        ],
      });
    const results: any = await run(operation('tag_list'));
    expect(results).toEqual([{ id: 'vip', name: 'vip', tagId: 't1' }]);
  });
});

describe('New Contact Appointment', () => {
  it("lists the contact's appointments newest first", async () => {
    highlevel()
      .get('/contacts/c1/appointments')
      .reply(200, {
        events: [
          { id: 'a1', title: 'First', dateAdded: '2026-03-01 09:00:00', startTime: '2026-03-10 09:00:00' },
          { id: 'a3', title: 'Third', dateAdded: '2026-03-03 09:00:00', startTime: '2026-03-05 09:00:00' },
          { id: 'a2', title: 'Second', startTime: '2026-03-02 10:00:00' },
        ],
      });
    const results: any = await run(operation('new_contact_appointment'), { contactId: 'c1' }, { meta: { timezone: 'America/New_York' } });
    expect(results.map((e: any) => e.id)).toEqual(['a3', 'a2', 'a1']);
    // HighLevel's offset-less UTC times leave as ISO-8601 with the zap's offset.
    const first = results.find((e: any) => e.id === 'a1');
    expect(first.startTime).toMatch(/^2026-03-10T05:00:00(\.000)?-04:00$/);
    expect(Date.parse(first.startTime)).toBe(Date.UTC(2026, 2, 10, 9));
  });

  it('names the missing contact before any request', async () => {
    await expect(run(operation('new_contact_appointment'), {})).rejects.toThrow(/"?Contact"? \(contactId\) is required/);
  });
});

describe('New Contact Task', () => {
  it("lists the contact's tasks", async () => {
    highlevel()
      .get('/contacts/c1/tasks')
      .reply(200, {
        tasks: [
          { ...taskSample, id: 't2' },
          { ...taskSample, id: 't1' },
        ],
      });
    const results: any = await run(operation('new_contact_task'), { contactId: 'c1' });
    expect(results.map((t: any) => t.id)).toEqual(['t2', 't1']);
  });
});

describe('New Contact in Business', () => {
  it('reads every page of the business and sorts newest first', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) =>
      contact(`p1-${i}`, { dateAdded: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z` }),
    );
    const scope = highlevel()
      .get('/contacts/business/b1')
      .query({ locationId: AUTH.locationId, limit: '100', skip: '0' })
      .reply(200, { contacts: page1, count: 101 })
      .get('/contacts/business/b1')
      .query({ locationId: AUTH.locationId, limit: '100', skip: '100' })
      .reply(200, { contacts: [contact('newest', { dateAdded: '2026-03-01T00:00:00.000Z' })], count: 101 });
    const results: any = await run(operation('new_business_contact'), { businessId: 'b1' });
    expect(results).toHaveLength(101);
    expect(results[0].id).toBe('newest');
    scope.done();
  });
});

describe('New Contact (Legacy List)', () => {
  it('pages with the last contact as cursor and sorts newest first', async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => contact(`c${i}`, { dateAdded: '2026-01-01T00:00:00.000Z' }));
    page1[99] = contact('last', { dateAdded: '2026-01-02T00:00:00.000Z' });
    const scope = highlevel()
      .get('/contacts/')
      .query({ locationId: AUTH.locationId, limit: '100' })
      .reply(200, { contacts: page1 })
      .get('/contacts/')
      .query({
        locationId: AUTH.locationId,
        limit: '100',
        startAfter: String(Date.parse('2026-01-02T00:00:00.000Z')),
        startAfterId: 'last',
      })
      .reply(200, { contacts: [contact('newest', { dateAdded: '2026-02-01T00:00:00.000Z' })] });
    const results: any = await run(operation('new_contact_legacy'));
    expect(results.slice(0, 2).map((c: any) => c.id)).toEqual(['newest', 'last']);
    expect(results).toHaveLength(101);
    scope.done();
  });
});

describe('Find Task and Find Note', () => {
  it('Find Task reads the task of the contact', async () => {
    highlevel()
      .get('/contacts/c1/tasks/t1')
      .reply(200, { task: { ...taskSample, id: 't1', contactId: undefined } });
    const results: any = await run(operation('find_task'), { contactId: 'c1', taskId: 't1' });
    expect(results).toEqual([expect.objectContaining({ id: 't1', contactId: 'c1', title: taskSample.title })]);
  });

  it('Find Task finds nothing on a 404', async () => {
    highlevel().get('/contacts/c1/tasks/gone').reply(404, { message: 'Task not found' });
    expect(await run(operation('find_task'), { contactId: 'c1', taskId: 'gone' })).toEqual([]);
  });

  it('Find Note reads the note by its id (path parameter {id})', async () => {
    highlevel()
      .get('/contacts/c1/notes/n1')
      .reply(200, { note: { id: 'n1', body: noteSample.body, userId: noteSample.userId, dateAdded: noteSample.dateAdded } });
    const results: any = await run(operation('find_note'), { contactId: 'c1', noteId: 'n1' });
    expect(results).toEqual([expect.objectContaining({ id: 'n1', body: noteSample.body, contactId: 'c1' })]);
  });

  it('Find Note rejects a malformed id before any request', async () => {
    await expect(run(operation('find_note'), { contactId: 'c1', noteId: 'a/b' })).rejects.toThrow(
      /"?Note ID"? \(noteId\) must be a HighLevel id/,
    );
  });

  it('the note dropdown lists the contact notes by title or text', async () => {
    highlevel()
      .get('/contacts/c1/notes')
      .reply(200, {
        notes: [
          { ...noteSample, id: 'n1' },
          { ...noteSample, id: 'n2', title: 'Call summary' },
        ],
      });
    const results: any = await run(operation('contact_note_list'), { contactId: 'c1' });
    expect(results.map((n: any) => [n.id, n.name])).toEqual([
      ['n1', noteSample.body],
      ['n2', 'Call summary'],
    ]);
  });
});
