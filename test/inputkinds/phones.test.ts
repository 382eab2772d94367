import nock from 'nock';
import { cleanPhone, parsePhone } from '../../src/phone';
import { AUTH, appTester, expectContractClean, failureOf, highlevel, operation, run } from '../support/highlevel';

// Issue 10, kind 3: phone numbers as people write them, through the Zapier runtime.
afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});
// Each test has its own location (country): forget the one z.cache kept from the test before.
beforeEach(() => {
  const cache = (appTester as unknown as { zcacheTestObj: Record<string, unknown> }).zcacheTestObj;
  for (const key of Object.keys(cache)) delete cache[key];
});

const NBSP = '\u00a0';
const location = (country: string) =>
  highlevel()
    .get(`/locations/${AUTH.locationId}`)
    .reply(200, { location: { id: AUTH.locationId, name: 'Delgado Plumbing', country } });

/** [as written, the location's country, E.164 sent, extension reported ('' for none)] */
const SPELLINGS: Array<[string, string, string, string]> = [
  ['+1 555-010-0199 ext. 12', 'US', '+15550100199', '12'],
  ['(+44) 20 7946 0958', 'US', '+442079460958', ''],
  [`+1${NBSP}555${NBSP}010${NBSP}0199`, 'US', '+15550100199', ''],
  ['tel:+15550100199', 'US', '+15550100199', ''],
  ['555.010.0199', 'US', '+15550100199', ''],
  ['(555) 010-0199', 'US', '+15550100199', ''],
  ['0044 20 7946 0958', 'US', '+442079460958', ''],
  ['020 7946 0958', 'GB', '+442079460958', ''],
  ['07700 900123', 'GB', '+447700900123', ''],
  ['+1 (555) 010-0199', 'GB', '+15550100199', ''],
  ['1-555-010-0199', 'US', '+15550100199', ''],
  ['+44 (0)20 7946 0958', 'US', '+442079460958', ''],
  ['555-010-0199 x12', 'US', '+15550100199', '12'],
  ['+1.555.010.0199', 'US', '+15550100199', ''],
  ['tel:+1-555-010-0199;ext=12', 'US', '+15550100199', '12'],
  ['+1\u2011555\u2011010\u20110199', 'US', '+15550100199', ''],
  // URL-encoded, as HighLevel's reference tells people to write Get Duplicate Contact's number, or from a query string
  ['%2B1%20555%20010%200199', 'GB', '+15550100199', ''],
  ['%2B1+555+010+0199', 'GB', '+15550100199', ''],
  ['020%207946%200958', 'GB', '+442079460958', ''],
  ['tel%3A%2B1-555-010-0199%3Bext%3D12', 'US', '+15550100199', '12'],
];

describe('Create Contact accepts the phone spellings people write', () => {
  it.each(SPELLINGS)('%j (location in %s) → %s', async (written, country, e164, extension) => {
    const national = !cleanPhone(written).startsWith('+');
    const read = national ? location(country) : undefined;
    let sent: any;
    highlevel()
      .post('/contacts/', (body) => ((sent = body), true))
      .reply(201, { contact: { id: 'c_new', firstName: 'Rosa', phone: e164, locationId: AUTH.locationId } });
    const result = await run(operation('create_contact'), { firstName: 'Rosa', phone: written });
    expect(sent.phone).toBe(e164);
    if (read) expect(read.isDone()).toBe(true);
    if (extension) expect(result.phoneExtension).toBe(extension);
    else expect(result).not.toHaveProperty('phoneExtension');
  });

  it('reads the location once per connection (z.cache), only for national numbers', async () => {
    const read = location('US');
    highlevel()
      .post('/contacts/')
      .times(2)
      .reply(201, { contact: { id: 'c_new' } });
    await run(operation('create_contact'), { firstName: 'A', phone: '(555) 010-0199' });
    await run(operation('create_contact'), { firstName: 'B', phone: '(555) 010-0198' });
    expect(read.isDone()).toBe(true); // answered once: a second read would fail the test (no interceptor left)
  });

  it.each(['call me', '12', '+44 12', '555 010 0199 0199 0199'])(
    'rejects %j naming the field, not the number, before the contact request',
    async (written) => {
      const read = location('US');
      const failure = await failureOf(run(operation('create_contact'), { firstName: 'Rosa', phone: written }));
      expect(failure.code).toBe('InvalidInput');
      expect(failure.message).toMatch(/Phone \(phone\)/);
      if (/\d{3}/.test(written)) expect(failure.message).not.toContain(written);
      nock.cleanAll();
      void read;
    },
  );

  it('a national number with no known country is refused with what to do', async () => {
    location('');
    const failure = await failureOf(run(operation('create_contact'), { firstName: 'Rosa', phone: '(555) 010-0199' }));
    expect(failure.message).toMatch(/country is not known.*country code/);
  });
});

describe('every phone input', () => {
  it('Send SMS: From and To numbers', async () => {
    location('US');
    let sent: any;
    highlevel()
      .post('/conversations/messages', (body) => ((sent = body), true))
      .reply(200, { conversationId: 'cv_1', messageId: 'm_1' });
    await run(operation('send_sms'), {
      contactId: 'c_12345',
      message: 'Hi',
      fromNumber: '(555) 010-0100',
      toNumber: `+44${NBSP}20 7946 0958`,
    });
    expect(sent).toMatchObject({ fromNumber: '+15550100100', toNumber: '+442079460958' });
  });

  it('Find Contact by phone searches the E.164 number', async () => {
    location('GB');
    const search = highlevel()
      .get('/contacts/search/duplicate')
      .query((q) => q.number === '+442079460958')
      .reply(200, { contact: { id: 'c_1', phone: '+442079460958' } });
    const [found] = await run(operation('find_contact'), { phone: '020 7946 0958' });
    expect(search.isDone()).toBe(true);
    expect(found.id).toBe('c_1');
  });

  it('Create Business and Update Contact', async () => {
    let business: any;
    highlevel()
      .post('/businesses/', (body) => ((business = body), true))
      .reply(201, { success: true, buiseness: { id: 'b_1', name: 'Acme' } });
    await run(operation('create_business'), { name: 'Acme', phone: 'tel:+1-555-010-0150' }).catch(() => undefined);
    expect(business?.phone).toBe('+15550100150');

    let contact: any;
    highlevel()
      .put('/contacts/c_12345', (body) => ((contact = body), true))
      .reply(200, { contact: { id: 'c_12345' } });
    await run(operation('update_contact'), { contactId: 'c_12345', phone: '0044 7700 900123' }).catch(() => undefined);
    expect(contact?.phone).toBe('+447700900123');
  });
});

describe('parsePhone()', () => {
  it('keeps fictional 555-01xx numbers (possible, not "valid") and rejects impossible lengths', () => {
    expect(parsePhone('+1 555 010 0199')).toEqual({ e164: '+15550100199' });
    expect(parsePhone('555 010 0199', 'US')).toEqual({ e164: '+15550100199' });
    expect(parsePhone('555 010 0199')).toBeUndefined(); // national without a region
    expect(parsePhone('+1 555')).toBeUndefined();
  });
});
