import nock from 'nock';
import { AUTH, appTester, expectContractClean, failureOf, highlevel, operation, run } from '../support/highlevel';

// Issue 10, kind 5: no silent loss on writes.
afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});
beforeEach(() => {
  const cache = (appTester as unknown as { zcacheTestObj: Record<string, unknown> }).zcacheTestObj;
  for (const key of Object.keys(cache)) delete cache[key];
});

const location = () =>
  highlevel()
    .get(`/locations/${AUTH.locationId}`)
    .reply(200, { location: { id: AUTH.locationId, country: 'US' } });
const noDuplicate = () => highlevel().get('/contacts/search/duplicate').query(true).reply(200, { contact: null });
const existing = {
  id: 'c_rosa',
  locationId: AUTH.locationId,
  firstName: 'Rosa',
  email: 'rosa@example.com',
  phone: '+15550100111',
  tags: ['vip'],
};

describe('Create or Update Contact', () => {
  it("email + phone, HighLevel matches by email and answers with that contact's own phone → phone unsaved, with a warning", async () => {
    noDuplicate();
    highlevel().post('/contacts/upsert').reply(200, { new: false, contact: existing });
    const result = await run(operation('upsert_contact'), { email: 'Rosa@Example.com', phone: '+1 555 010 0199' });
    expect(result.unsavedFields).toEqual(['phone']);
    expect(result.warning).toMatch(/did not store these values as sent: Phone \(phone\)/);
    expect(result.warning).not.toContain('0199');
    expect(result.warning).not.toContain('0111');
  });

  it('… or with no phone at all → phone unsaved', async () => {
    noDuplicate();
    highlevel()
      .post('/contacts/upsert')
      .reply(200, { new: false, contact: { ...existing, phone: undefined } });
    const result = await run(operation('upsert_contact'), { email: 'rosa@example.com', phone: '+15550100199' });
    expect(result.unsavedFields).toEqual(['phone']);
  });

  it('"Halt" stops the step instead, naming the field', async () => {
    noDuplicate();
    highlevel().post('/contacts/upsert').reply(200, { new: false, contact: existing });
    const failure = await failureOf(
      run(operation('upsert_contact'), { email: 'rosa@example.com', phone: '+15550100199', ifNotSaved: 'halt' }),
    );
    expect(failure.name).toBe('HaltedError');
    expect(failure.message).toMatch(/Phone \(phone\)/);
  });

  it('values stored as sent (normalised: E.164, email case, tags as a set) → unsavedFields empty, no warning', async () => {
    location();
    noDuplicate();
    highlevel()
      .post('/contacts/upsert')
      .reply(200, { new: false, contact: { ...existing, phone: '+15550100111', tags: ['vip', 'lead'] } });
    const result = await run(operation('upsert_contact'), { email: 'ROSA@example.com', phone: '(555) 010-0111', tags: ['Lead'] }).catch(
      async (e) => {
        throw e;
      },
    );
    expect(result.unsavedFields).toEqual([]);
    expect(result.warning).toBe('');
  });

  it("an email that is another contact's ADDITIONAL email: that contact is updated by id, its primary email kept", async () => {
    const owner = { ...existing, id: 'c_owner', email: 'owner@example.com', additionalEmails: ['rosa.work@example.com'] };
    highlevel()
      .get('/contacts/search/duplicate')
      .query((q) => q.email === 'rosa.work@example.com')
      .reply(200, { contact: owner });
    let body: any;
    highlevel()
      .put('/contacts/c_owner', (b) => ((body = b), true))
      .reply(200, { succeded: true, contact: { ...owner, firstName: 'Rosa M.' } });
    const result = await run(operation('upsert_contact'), { email: 'rosa.work@example.com', firstName: 'Rosa M.' });
    expect(body).not.toHaveProperty('email'); // the primary is not replaced
    expect(body.firstName).toBe('Rosa M.');
    expect(result).toMatchObject({ id: 'c_owner', email: 'owner@example.com', isNew: false, unsavedFields: [] });
    expect(result.warning).toMatch(/additional email of contact c_owner/);
  });
});

describe('other writes', () => {
  it('Create Contact: a tag HighLevel did not keep is reported', async () => {
    highlevel()
      .post('/contacts/')
      .reply(201, { contact: { ...existing, tags: [] } });
    const result = await run(operation('create_contact'), { firstName: 'Rosa', tags: ['vip'] });
    expect(result.unsavedFields).toEqual(['tags']);
  });

  it('Update Opportunity: a value HighLevel answered differently is reported', async () => {
    highlevel()
      .put('/opportunities/o_1')
      .reply(200, { opportunity: { id: 'o_1', name: 'Boiler', monetaryValue: 0, status: 'open' } });
    const result = await run(operation('update_opportunity'), { opportunityId: 'o_1', monetaryValue: '5400' });
    expect(result.unsavedFields).toEqual(['monetaryValue']);
  });

  it('Update User: email and phone compared', async () => {
    highlevel().put('/users/u_1').reply(200, { id: 'u_1', firstName: 'Sam', email: 'old@example.com', phone: '+15550100100' });
    const result = await run(operation('update_user'), { userId: 'u_1', email: 'sam@example.com', phone: '+1 555 010 0100' });
    expect(result.unsavedFields).toEqual(['email']);
  });

  it('Update Business: stored as sent → nothing reported', async () => {
    location();
    highlevel()
      .put('/businesses/b_1')
      .reply(200, { success: true, buiseness: { id: 'b_1', name: 'Acme', phone: '+15550100150' } });
    const result = await run(operation('update_business'), { businessId: 'b_1', name: 'acme ', phone: '555.010.0150' }).catch((e) => e);
    if (result instanceof Error) throw result;
    expect(result.unsavedFields).toEqual([]);
  });

  it('every checked write offers the policy input', () => {
    for (const key of [
      'create_contact',
      'update_contact',
      'upsert_contact',
      'create_opportunity',
      'update_opportunity',
      'upsert_opportunity',
      'create_business',
      'update_business',
      'create_user',
      'update_user',
    ]) {
      const keys = (operation(key).definition.operation.inputFields as any[]).filter((f) => typeof f === 'object').map((f) => f.key);
      expect(keys).toContain('ifNotSaved');
    }
  });
});
