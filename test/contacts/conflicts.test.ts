// The conflict policy of Update Contact and Create or Update Contact ("Source Record Updated At").
import { contactSample } from '../../src/fields/contact';
import { appTester, AUTH, highlevel, operation, run } from '../support/highlevel';

beforeEach(() => {
  (appTester as any).zcacheTestObj = {};
});

// HighLevel's copy was changed on 4 March 2026.
const current = {
  ...contactSample,
  id: 'c1',
  email: 'rosa.delgado@example.com',
  companyName: 'Delgado Plumbing',
  dateUpdated: '2026-03-04T09:41:02.118Z',
};
const OLDER = '2026-03-01T08:00:00Z';
const NEWER = '2026-03-05T08:00:00Z';

async function halted(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    // The local app tester appends the bundle ("What happened: …"); Zapier shows users the message before it.
    const e = error as Error;
    return Object.assign(new Error(e.message.split('\nWhat happened')[0]), {
      name: e.name,
      doNotContextify: (e as { doNotContextify?: boolean }).doNotContextify,
      contextified: e.message.includes('What happened'),
    });
  }
  throw new Error('the step was not halted');
}

describe('Update Contact', () => {
  it('does not overwrite a contact HighLevel changed after the source: halts, tags and notes the differing fields', async () => {
    let note = '';
    const scope = highlevel()
      .get('/contacts/c1')
      .reply(200, { contact: current })
      .post('/contacts/c1/tags', { tags: ['zapier-review'] })
      .reply(201, { tags: ['lead', 'zapier-review'] })
      .post('/contacts/c1/notes', (body) => {
        note = body.body;
        return true;
      })
      .reply(201, { note: { id: 'n1', body: 'x' } });
    const error = await halted(
      run(operation('update_contact'), {
        contactId: 'c1',
        email: 'rosa@new-domain.example.com',
        companyName: 'Delgado Plumbing', // same value: not a difference
        city: 'Birmingham',
        sourceUpdatedAt: OLDER,
      }),
    );
    scope.done(); // and no PUT: nock would have refused it
    expect(error.name).toBe('HaltedError');
    // In production Zapier would otherwise append the step's input (the email) to the message.
    expect(error).toMatchObject({ doNotContextify: true, contextified: false });
    expect(error.message).toMatch(/Update Contact: contact c1 not overwritten/);
    expect(error.message).toMatch(/changed at 2026-03-04T09:41:02.118Z, after the source record \(2026-03-01T08:00:00.000Z\)/);
    expect(error.message).toMatch(/Fields that differ: Email, City\./);
    expect(error.message).toMatch(/tagged \\?"zapier-review\\?"/);
    // Field names only: no personal values in the message or the note.
    for (const text of [error.message, note]) {
      expect(text).not.toMatch(/rosa|Birmingham|Delgado/i);
    }
    expect(note).toMatch(/Fields that differ: Email, City\. Review them, then remove the "zapier-review" tag\./);
  });

  it('writes when the source record is newer, without sending the policy field', async () => {
    const scope = highlevel()
      .get('/contacts/c1')
      .reply(200, { contact: current })
      .put('/contacts/c1', { email: 'rosa@new-domain.example.com' })
      .reply(200, { succeded: true, contact: { ...current, email: 'rosa@new-domain.example.com' } });
    const result: any = await run(operation('update_contact'), {
      contactId: 'c1',
      email: 'rosa@new-domain.example.com',
      sourceUpdatedAt: NEWER,
    });
    expect(result.email).toBe('rosa@new-domain.example.com');
    scope.done();
  });

  it('writes nothing and returns HighLevel’s copy when it is newer but already holds the values', async () => {
    const scope = highlevel().get('/contacts/c1').reply(200, { contact: current });
    const result: any = await run(operation('update_contact'), {
      contactId: 'c1',
      email: 'Rosa.Delgado@example.com',
      phone: '+1 (555) 010-0199',
      tags: 'plumbing, lead',
      sourceUpdatedAt: OLDER,
    });
    expect(result).toMatchObject({ id: 'c1', email: current.email });
    scope.done();
  });

  it('reads nothing first without a source date', async () => {
    const scope = highlevel().put('/contacts/c1', { city: 'Birmingham' }).reply(200, { succeded: true, contact: current });
    await run(operation('update_contact'), { contactId: 'c1', city: 'Birmingham' });
    scope.done();
  });

  it('rejects a source date that is not a date, before any request', async () => {
    await expect(run(operation('update_contact'), { contactId: 'c1', city: 'Birmingham', sourceUpdatedAt: 'yesterday' })).rejects.toThrow(
      /Source Record Updated At"? \(sourceUpdatedAt\) must be a date and time/,
    );
  });
});

describe('Create or Update Contact', () => {
  const definitions = () =>
    highlevel()
      .get(`/locations/${AUTH.locationId}/customFields`)
      .query({ model: 'contact' })
      .reply(200, { customFields: [{ id: 'cfBudget', name: 'Budget', fieldKey: 'contact.budget', dataType: 'MONETORY' }] });

  it('checks the contact HighLevel would update (duplicate search by email) and names differing custom fields', async () => {
    definitions();
    let note = '';
    const scope = highlevel()
      .get('/contacts/search/duplicate')
      .query({ locationId: AUTH.locationId, email: 'rosa.delgado@example.com' })
      .reply(200, { contact: { ...current, customFields: [{ id: 'cfBudget', value: 900 }] } })
      .post('/contacts/c1/tags', { tags: ['zapier-review'] })
      .reply(201, { tags: ['zapier-review'] })
      .post('/contacts/c1/notes', (body) => {
        note = body.body;
        return true;
      })
      .reply(201, { note: { id: 'n1' } });
    const error = await halted(
      run(operation('upsert_contact'), { email: 'rosa.delgado@example.com', customField__cfBudget: '1200', sourceUpdatedAt: OLDER }),
    );
    scope.done();
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/Create or Update Contact: contact c1 not overwritten.*Fields that differ: Budget\./);
    expect(error.message).not.toMatch(/1200|900|rosa/);
    expect(note).toMatch(/Fields that differ: Budget\./);
  });

  it('looks up by phone when there is no email, and upserts when the source is newer', async () => {
    const scope = highlevel()
      .get('/contacts/search/duplicate')
      .query({ locationId: AUTH.locationId, number: '+15550100199' })
      .reply(200, { contact: current })
      .post('/contacts/upsert', { locationId: AUTH.locationId, phone: '+15550100199', city: 'Birmingham' })
      .reply(200, { new: false, contact: { ...current, city: 'Birmingham' } });
    const result: any = await run(operation('upsert_contact'), { phone: '+15550100199', city: 'Birmingham', sourceUpdatedAt: NEWER });
    expect(result).toMatchObject({ id: 'c1', city: 'Birmingham', isNew: false });
    scope.done();
  });

  it('upserts when HighLevel has no such contact yet (neither by email nor by phone)', async () => {
    const scope = highlevel()
      .get('/contacts/search/duplicate')
      .query({ locationId: AUTH.locationId, email: 'new@example.com' })
      .reply(200, { contact: null })
      .get('/contacts/search/duplicate')
      .query({ locationId: AUTH.locationId, number: '+15550100777' })
      .reply(404, { message: 'Contact not found' })
      .post('/contacts/upsert', { locationId: AUTH.locationId, email: 'new@example.com', phone: '+15550100777' })
      .reply(200, { new: true, contact: { ...current, id: 'c2', email: 'new@example.com' } });
    const result: any = await run(operation('upsert_contact'), { email: 'new@example.com', phone: '+15550100777', sourceUpdatedAt: OLDER });
    expect(result).toMatchObject({ id: 'c2', isNew: true });
    scope.done();
  });

  it('returns HighLevel’s copy unchanged (not created) when it is newer and already holds the values', async () => {
    const scope = highlevel()
      .get('/contacts/search/duplicate')
      .query({ locationId: AUTH.locationId, email: 'rosa.delgado@example.com' })
      .reply(200, { contact: current });
    const result: any = await run(operation('upsert_contact'), {
      email: 'rosa.delgado@example.com',
      city: current.city,
      sourceUpdatedAt: OLDER,
    });
    expect(result).toMatchObject({ id: 'c1', isNew: false });
    scope.done();
  });
});
