// Contact actions added for the catalog: the request each one sends and the output it returns.
import { noteSample } from '../../src/fields/note';
import { AUTH, highlevel, operation, run } from '../support/highlevel';

describe('deletes', () => {
  it('Delete Contact deletes by id', async () => {
    const scope = highlevel().delete('/contacts/c1').matchHeader('version', '2021-07-28').reply(200, { succeded: true });
    expect(await run(operation('delete_contact'), { contactId: 'c1' })).toEqual({ id: 'c1', deleted: true });
    scope.done();
  });

  it('Delete Task deletes the task of the contact', async () => {
    const scope = highlevel().delete('/contacts/c1/tasks/t1').reply(200, { succeded: true });
    expect(await run(operation('delete_task'), { contactId: 'c1', taskId: 't1' })).toEqual({ id: 't1', contactId: 'c1', deleted: true });
    scope.done();
  });

  it('Delete Note deletes the note by its {id}', async () => {
    const scope = highlevel().delete('/contacts/c1/notes/n1').reply(200, { succeded: true });
    expect(await run(operation('delete_note'), { contactId: 'c1', noteId: 'n1' })).toEqual({ id: 'n1', contactId: 'c1', deleted: true });
    scope.done();
  });

  it("a delete HighLevel reports as failed fails the step, with HighLevel's message", async () => {
    highlevel().delete('/contacts/c1').reply(200, { succeded: false, message: 'Contact is locked' });
    await expect(run(operation('delete_contact'), { contactId: 'c1' })).rejects.toThrow(
      /HighLevel did not delete the contact c1: Contact is locked/,
    );
  });
});

describe('Create Note', () => {
  it('sends the title and pinned flag with the text', async () => {
    const scope = highlevel()
      .post('/contacts/c1/notes', { body: 'Quote sent.', title: 'Quote', pinned: false })
      .reply(201, { note: { id: 'n9', body: 'Quote sent.', title: 'Quote', pinned: false, dateAdded: '2026-03-04T10:12:45.000Z' } });
    const result: any = await run(operation('create_note'), { contactId: 'c1', body: 'Quote sent.', title: 'Quote', pinned: 'no' });
    expect(result).toMatchObject({ id: 'n9', contactId: 'c1', title: 'Quote', pinned: false });
    scope.done();
  });
});

describe('Update Note', () => {
  it('puts only the filled fields to the note', async () => {
    const scope = highlevel()
      .put('/contacts/c1/notes/n1', { title: 'Call summary', pinned: true })
      .reply(200, { note: { ...noteSample, id: 'n1', title: 'Call summary', pinned: true } });
    const result: any = await run(operation('update_note'), {
      contactId: 'c1',
      noteId: 'n1',
      title: 'Call summary',
      pinned: 'yes',
      body: '',
    });
    expect(result).toMatchObject({ id: 'n1', title: 'Call summary', pinned: true });
    scope.done();
  });
});

describe('Bulk Update Contact Tags', () => {
  it('posts the contacts and tags to the add endpoint', async () => {
    const scope = highlevel()
      .post('/contacts/bulk/tags/update/add', { locationId: AUTH.locationId, contacts: ['c1', 'c2'], tags: ['vip', 'lead'] })
      .reply(201, {
        succeded: true,
        errorCount: 1,
        responses: [
          { contactId: 'c1', message: 'Tags updated', type: 'success', oldTags: [], tagsAdded: ['vip', 'lead'], tagsRemoved: [] },
          { contactId: 'c2', message: 'contact is deleted', type: 'error' },
        ],
      });
    const result: any = await run(operation('bulk_update_contact_tags'), { type: 'add', contactIds: ['c1', 'c2'], tags: 'vip, lead' });
    expect(result).toMatchObject({ id: 'add:c1,c2', type: 'add', succeded: true, errorCount: 1, failures: ['c2: contact is deleted'] });
    scope.done();
  });

  it('removes every tag with Remove All Tags', async () => {
    const scope = highlevel()
      .post('/contacts/bulk/tags/update/remove', { locationId: AUTH.locationId, contacts: ['c1'], tags: [], removeAllTags: true })
      .reply(201, { succeded: true, errorCount: 0, responses: [] });
    await run(operation('bulk_update_contact_tags'), { type: 'remove', contactIds: ['c1'], removeAllTags: 'true' });
    scope.done();
  });

  it('fails when HighLevel changed no contact', async () => {
    highlevel()
      .post('/contacts/bulk/tags/update/add')
      .reply(201, {
        succeded: true,
        errorCount: 1,
        responses: [{ contactId: 'c9', message: 'contact does not belong to location', type: 'error' }],
      });
    await expect(run(operation('bulk_update_contact_tags'), { type: 'add', contactIds: ['c9'], tags: ['vip'] })).rejects.toThrow(
      /changed no contact\. c9: contact does not belong to location/,
    );
  });

  it.each([
    [{ type: 'add', contactIds: ['c1'], tags: ['x'], removeAllTags: true }, /only works with Change = Remove tags/],
    [{ type: 'remove', contactIds: ['c1'] }, /Tags \(tags\) is required unless/],
    [{ type: 'replace', contactIds: ['c1'], tags: ['x'] }, /Change"? \(type\) must be one of: add, remove/],
    [{ type: 'add', contactIds: Array.from({ length: 101 }, (_, i) => `c${i}`), tags: ['x'] }, /at most 100 contacts/],
  ])('rejects %j before any request', async (input, message) => {
    await expect(run(operation('bulk_update_contact_tags'), input)).rejects.toThrow(message);
  });
});

describe('Assign Contacts to Business', () => {
  it('assigns the contacts to the business', async () => {
    const scope = highlevel()
      .post('/contacts/bulk/business', { locationId: AUTH.locationId, ids: ['c1', 'c2'], businessId: 'b1' })
      .reply(200, { success: true, ids: ['c1', 'c2'] });
    const result: any = await run(operation('bulk_update_contact_business'), { change: 'assign', contactIds: 'c1,c2', businessId: 'b1' });
    expect(result).toMatchObject({ success: true, businessId: 'b1', ids: ['c1', 'c2'] });
    scope.done();
  });

  it('removes the contacts from their business with businessId null', async () => {
    const scope = highlevel()
      .post('/contacts/bulk/business', { locationId: AUTH.locationId, ids: ['c1'], businessId: null })
      .reply(200, { success: true, ids: ['c1'] });
    const result: any = await run(operation('bulk_update_contact_business'), { change: 'remove', contactIds: ['c1'] });
    expect(result).toMatchObject({ businessId: null, ids: ['c1'] });
    scope.done();
  });

  it('needs a business to assign to, before any request', async () => {
    await expect(run(operation('bulk_update_contact_business'), { change: 'assign', contactIds: ['c1'] })).rejects.toThrow(
      /Business \(businessId\) is required/,
    );
  });
});

describe('followers', () => {
  it('Add Contact Followers posts the user ids', async () => {
    const scope = highlevel()
      .post('/contacts/c1/followers', { followers: ['u1', 'u2'] })
      .reply(201, { followers: ['u0', 'u1', 'u2'], followersAdded: ['u1', 'u2'] });
    expect(await run(operation('add_contact_followers'), { contactId: 'c1', followers: ['u1', 'u2'] })).toEqual({
      id: 'c1',
      followers: ['u0', 'u1', 'u2'],
      followersAdded: ['u1', 'u2'],
    });
    scope.done();
  });

  it('Remove Contact Followers sends a DELETE with the user ids', async () => {
    const scope = highlevel()
      .delete('/contacts/c1/followers', { followers: ['u1'] })
      .reply(200, { followers: ['u0'], followersRemoved: ['u1'] });
    expect(await run(operation('remove_contact_followers'), { contactId: 'c1', followers: 'u1' })).toEqual({
      id: 'c1',
      followers: ['u0'],
      followersRemoved: ['u1'],
    });
    scope.done();
  });
});

describe('campaigns and workflows', () => {
  it('Add Contact to Campaign posts to the campaign', async () => {
    const scope = highlevel().post('/contacts/c1/campaigns/k1', {}).reply(201, { succeded: true });
    expect(await run(operation('add_contact_to_campaign'), { contactId: 'c1', campaignId: 'k1' })).toEqual({
      id: 'c1',
      campaignId: 'k1',
      succeded: true,
    });
    scope.done();
  });

  it('Remove Contact from Campaign deletes the membership', async () => {
    const scope = highlevel().delete('/contacts/c1/campaigns/k1').reply(200, { succeded: true });
    expect(await run(operation('remove_contact_from_campaign'), { contactId: 'c1', campaignId: 'k1' })).toEqual({
      id: 'c1',
      campaignId: 'k1',
      succeded: true,
    });
    scope.done();
  });

  it('Remove Contact from All Campaigns uses removeAll', async () => {
    const scope = highlevel().delete('/contacts/c1/campaigns/removeAll').reply(200, { succeded: true });
    expect(await run(operation('remove_contact_from_all_campaigns'), { contactId: 'c1' })).toEqual({ id: 'c1', succeded: true });
    scope.done();
  });

  it('Add Contact to Workflow sends the event start time in ISO-8601', async () => {
    const scope = highlevel()
      .post('/contacts/c1/workflow/w1', { eventStartTime: '2026-03-10T15:00:00.000Z' })
      .reply(200, { succeded: true });
    const result = await run(operation('add_contact_to_workflow'), {
      contactId: 'c1',
      workflowId: 'w1',
      eventStartTime: '2026-03-10T15:00:00Z',
    });
    expect(result).toEqual({ id: 'c1', workflowId: 'w1', succeded: true });
    scope.done();
  });

  it('Add Contact to Workflow rejects a bad start time before any request', async () => {
    await expect(
      run(operation('add_contact_to_workflow'), { contactId: 'c1', workflowId: 'w1', eventStartTime: 'next week' }),
    ).rejects.toThrow(/Event Start Time"? \(eventStartTime\) must be a date and time/);
  });

  it('Remove Contact from Workflow sends a DELETE with an empty body', async () => {
    const scope = highlevel().delete('/contacts/c1/workflow/w1', {}).reply(200, { succeded: true });
    expect(await run(operation('remove_contact_from_workflow'), { contactId: 'c1', workflowId: 'w1' })).toEqual({
      id: 'c1',
      workflowId: 'w1',
      succeded: true,
    });
    scope.done();
  });
});
