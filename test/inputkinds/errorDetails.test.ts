import nock from 'nock';
import { errorDetails } from '../../src/errorDetails';
import { expectContractClean, failureOf, highlevel, operation, run } from '../support/highlevel';

// Issue 10, kind 7: HighLevel's details (ids, field names) reach the user; values (emails, phones, names) never do.
afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});

const EMAIL = 'rosa.delgado@example.com';

describe('error answers with more than a message', () => {
  it('Create Contact, duplicate: names the existing contact id and the matching field, and what to do; no name or email', async () => {
    highlevel()
      .post('/contacts/')
      .reply(400, {
        statusCode: 400,
        message: 'This location does not allow duplicated contacts.',
        meta: { contactName: 'Rosa Delgado', contactId: 'ocQHyuzHvysMo5N5VsXc', matchingField: 'email' },
        traceId: 'tr-1',
      });
    const failure = await failureOf(run(operation('create_contact'), { firstName: 'Rosa', email: EMAIL }));
    expect(failure.message).toContain('This location does not allow duplicated contacts');
    expect(failure.message).toContain('ocQHyuzHvysMo5N5VsXc');
    expect(failure.message).toMatch(/same email/);
    expect(failure.message).toMatch(/update that record/);
    expect(failure.message).toContain('tr-1');
    expect(failure.message).not.toContain('Rosa Delgado');
    expect(failure.message).not.toContain(EMAIL);
  });

  it('Create Opportunity, duplicate: names the opportunity id', async () => {
    highlevel()
      .post('/opportunities/')
      .reply(400, {
        statusCode: 400,
        message: 'Can not create duplicate opportunity for the contact.',
        meta: { opportunityId: 'opp_9kLmNq2' },
      });
    const failure = await failureOf(
      run(operation('create_opportunity'), {
        pipelineId: 'pl_1',
        pipelineStageId: 'st_1',
        name: 'Deal',
        contactId: 'c_12345',
        status: 'open',
      }),
    );
    expect(failure.message).toContain('opportunityId opp_9kLmNq2');
  });

  it('Update Contact, invalid properties: names the fields, not their values', async () => {
    highlevel()
      .put('/contacts/c_12345')
      .reply(422, {
        statusCode: 422,
        message: 'Validation failed',
        errors: [
          { property: 'email', value: EMAIL, constraints: { isEmail: 'email must be an email' } },
          { property: 'dateOfBirth', value: '1990-31-31' },
        ],
      });
    const failure = await failureOf(run(operation('update_contact'), { contactId: 'c_12345', email: EMAIL }));
    expect(failure.message).toContain('Check these fields: email, dateOfBirth');
    expect(failure.message).not.toContain(EMAIL);
    expect(failure.message).not.toContain('1990-31-31');
  });
});

describe('errorDetails()', () => {
  it('keeps id-shaped values under id keys and field names, drops values', () => {
    expect(
      errorDetails({ meta: { contactId: 'abc123XYZ', email: EMAIL, phone: '+15550100199' }, invalidProperties: ['phone', 'a b@c'] }),
    ).toEqual({
      ids: [['contactId', 'abc123XYZ']],
      invalid: ['phone'],
    });
    expect(errorDetails({ message: 'x', id: EMAIL })).toEqual({ ids: [], invalid: [] });
    expect(errorDetails('plain')).toEqual({ ids: [], invalid: [] });
  });
});
