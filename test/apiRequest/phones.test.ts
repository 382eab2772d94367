import nock from 'nock';
import App from '../../app/index';
import { loadDetail, loadIndex } from '../../src/apiRequest/artifacts';
import { isPhoneField } from '../../src/apiRequest/interpret';
import { parsePhone } from '../../src/phone';
import { appTester, AUTH, expectContractClean, failureOf, highlevel, operation, run } from '../support/highlevel';

// Issue 10, kind 3, in API Request: phones as HighLevel's own reference tells people to write them (URL-encoded),
// national numbers read in the country the request itself names, the phone fields the spec names only in words,
// and help text that does not show an example the app would refuse. Through the Zapier runtime, nock for HighLevel.

const AGENCY = { ...AUTH, userType: 'Company', locationId: '' };
const apiRequest = operation('api_request');
const fieldsFor = (inputData: Record<string, unknown>, authData: Record<string, unknown> = AUTH): Promise<any[]> =>
  appTester(App.creates.api_request.operation.inputFields, { authData, inputData } as any) as Promise<any[]>;

afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});
beforeEach(() => {
  const cache = (appTester as unknown as { zcacheTestObj: Record<string, unknown> }).zcacheTestObj;
  for (const key of Object.keys(cache)) delete cache[key];
});

const location = (country: string) =>
  highlevel()
    .get(`/locations/${AUTH.locationId}`)
    .reply(200, { location: { id: AUTH.locationId, name: 'Delgado Plumbing', country } });

/** Every API Request field detected as a phone, as `<operation key>.<field key>`. */
const detected = () =>
  loadIndex().operations.flatMap((op) =>
    loadDetail(op)
      .fields.filter(isPhoneField)
      .map((f) => `${op.key}.${f.k}`),
  );

describe('Get Duplicate Contact: the number as its help says to write it (URL-encoded)', () => {
  it.each([
    ['%2B15550100199', 'the plus encoded'],
    ['%2B1%20555%20010%200199', 'spaces encoded'],
    ['%2B1+555+010+0199', 'form-encoded: `+` for a space where the plus itself is %2B'],
    ['+1%20555%20010%200199', 'only the spaces encoded'],
    ['+1 555 010 0199', 'as written'],
  ])('%j (%s) is sent once encoded, the plus as %%2B', async (written) => {
    let path = '';
    const scope = highlevel()
      .get('/contacts/search/duplicate')
      // nock decodes the query as a form: a plus sent bare would arrive here as a space.
      .query((q) => q.number === '+15550100199' && q.locationId === AUTH.locationId)
      .reply(function () {
        path = this.req.path;
        return [200, { contact: { id: 'c_1' } }];
      });
    const result = await run(apiRequest, { area: 'contacts', operation: 'contacts:get-duplicate-contact', query_number: written });
    expect(scope.isDone()).toBe(true);
    expect(path).toContain('number=%2B15550100199');
    expect(result.contact.id).toBe('c_1');
  });

  it('a national URL-encoded number is read in the sub-account’s country', async () => {
    location('US');
    const scope = highlevel()
      .get('/contacts/search/duplicate')
      .query((q) => q.number === '+15550100199')
      .reply(200, { contact: null });
    await run(apiRequest, { area: 'contacts', operation: 'contacts:get-duplicate-contact', query_number: '(555)%20010-0199' });
    expect(scope.isDone()).toBe(true);
  });

  it('what is not a possible number once decoded is still refused, naming the field, before the request', async () => {
    const failure = await failureOf(
      run(apiRequest, { area: 'contacts', operation: 'contacts:get-duplicate-contact', query_number: '%2B1%20555%2001' }),
    );
    expect(failure.code).toBe('InvalidInput');
    expect(failure.message).toContain('Number (query_number) cannot be read as a phone number');
  });
});

describe('a national number in the country the request itself names', () => {
  it('agency Create Sub-Account: body_country GB reads "020 7946 0958" as a UK number (no sub-account to ask)', async () => {
    let sent: any;
    highlevel()
      .post('/locations/', (body) => ((sent = body), true))
      .reply(201, { id: 'loc_new', name: 'Camden Office' });
    await appTester(
      apiRequest.perform as any,
      {
        authData: AGENCY,
        inputData: {
          area: 'locations',
          operation: 'locations:create-location',
          body_name: 'Camden Office',
          body_companyId: AUTH.companyId,
          body_country: 'GB',
          body_phone: '020 7946 0958',
        },
      } as any,
    );
    expect(sent).toMatchObject({ phone: '+442079460958', country: 'GB' });
  });

  it('Create Business: the business’s own country before the sub-account’s (US), which is not read', async () => {
    const read = location('US');
    let sent: any;
    highlevel()
      .post('/businesses/', (body) => ((sent = body), true))
      .reply(201, { success: true, buiseness: { id: 'b_1', name: 'Camden Office', locationId: AUTH.locationId } });
    await run(apiRequest, {
      area: 'businesses',
      operation: 'businesses:create-business',
      body_name: 'Camden Office',
      body_country: 'gb',
      body_phone: '020 7946 0958',
    });
    expect(sent.phone).toBe('+442079460958');
    expect(read.isDone()).toBe(false);
  });

  it('Create Business with no country of its own (or not a two-letter one): the sub-account’s', async () => {
    location('US');
    let sent: any;
    highlevel()
      .post('/businesses/', (body) => ((sent = body), true))
      .reply(201, { success: true, buiseness: { id: 'b_1', name: 'Camden Office', locationId: AUTH.locationId } });
    await run(apiRequest, {
      area: 'businesses',
      operation: 'businesses:create-business',
      body_name: 'Camden Office',
      body_country: 'United Kingdom',
      body_phone: '(555) 010-0199',
    });
    expect(sent.phone).toBe('+15550100199');
  });

  it('a UK national number refused in the record’s own country says which country it was read in', async () => {
    const failure = await failureOf(
      appTester(
        apiRequest.perform as any,
        {
          authData: AGENCY,
          inputData: {
            area: 'locations',
            operation: 'locations:create-location',
            body_name: 'Camden Office',
            body_companyId: AUTH.companyId,
            body_country: 'GB',
            body_phone: '020 79',
          },
        } as any,
      ),
    );
    expect(failure.code).toBe('InvalidInput');
    expect(failure.message).toContain(
      "Phone (body_phone) cannot be read as a phone number (neither with a country code nor as a number of the record's own country (GB))",
    );
  });
});

describe('phone fields the spec names in words only', () => {
  it.each(['conversations:add-an-inbound-message', 'conversations:add-an-outbound-message'])(
    '%s: call.to and call.from ("Phone number of the receiver/dialer") are sent as E.164',
    async (key) => {
      location('US');
      let sent: any;
      const op = loadIndex().byKey.get(key)!;
      highlevel()
        .post(op.path, (body) => ((sent = body), true))
        .reply(200, { success: true, conversationId: 'cv_1', messageId: 'm_1' });
      await run(apiRequest, {
        area: 'conversations',
        operation: key,
        body_type: 'Call',
        body_conversationId: 'cv_1',
        body_contactId: 'c_1',
        body_conversationProviderId: 'p_1',
        body_call_to: '(555) 010-0199',
        body_call_from: 'tel:+44 20 7946 0958',
      });
      expect(sent.call).toMatchObject({ to: '+15550100199', from: '+442079460958' });
    },
  );

  it('exactly these fields of the whole index are phones: the 25 named phone/number, and the 4 described as one', () => {
    expect(detected().sort()).toEqual(
      [
        'ad-manager:fb-create-page-lead-form.body_thankYouPage_businessPhone',
        'ad-manager:fb-upsert-adset.body_whatsappNumber',
        'businesses:create-business.body_phone',
        'businesses:update-business.body_phone',
        'calendars:update-event-notification.body_additionalPhoneNumbers',
        'calendars:update-event-notification.body_fromNumber',
        'contacts:create-contact.body_phone',
        'contacts:get-duplicate-contact.query_number',
        'contacts:update-contact.body_phone',
        'contacts:upsert-contact.body_phone',
        'conversations:add-an-inbound-message.body_call_from',
        'conversations:add-an-inbound-message.body_call_to',
        'conversations:add-an-outbound-message.body_call_from',
        'conversations:add-an-outbound-message.body_call_to',
        'conversations:send-a-new-message.body_fromNumber',
        'conversations:send-a-new-message.body_toNumber',
        'invoices:create-invoice.body_sentTo_phoneNo',
        'invoices:create-new-estimate.body_sentTo_phoneNo',
        'invoices:text2pay-invoice.body_sentTo_phoneNo',
        'invoices:update-estimate.body_sentTo_phoneNo',
        'locations:create-location.body_phone',
        'locations:put-location.body_phone',
        'phone-system:purchase-phone-number.body_phoneNumber',
        'store:create-store-setting.body_shippingOrigin_phone',
        'store:get-available-shipping-zones.body_address_phone',
        'users:create-user.body_phone',
        'users:update-user.body_phone',
        'voice-ai:create-agent.body_inboundNumber',
        'voice-ai:patch-agent.body_inboundNumber',
      ].sort(),
    );
  });

  it('not a phone: a number’s id, type, pattern or pool, a search term, a flag, a choice list', () => {
    const keys = detected();
    for (const not of [
      'phone-system:active-numbers.query_searchFilter', // "Filter numbers by phone number pattern": partial numbers
      'phone-system:available-numbers.query_numberTypes',
      'phone-system:purchase-phone-number.body_numberType',
      'voice-ai:create-agent.body_numberPoolId',
      'phone-system:available-numbers.query_smsEnabled',
      'users:create-user.body_twilioPhone',
      'invoices:list-invoices.query_search',
    ])
      expect(keys).not.toContain(not);
  });
});

describe('the editor: a phone field’s help', () => {
  const cases = loadIndex().operations.flatMap((op) =>
    loadDetail(op)
      .fields.filter(isPhoneField)
      .map((f) => [op.key, f.k, op.area, op.agencyOnly, f.h] as const),
  );

  it.each(cases)(
    '%s %s: no example the app refuses, the spec’s description kept, any spelling accepted',
    async (key, field, area, agencyOnly, specHelp) => {
      const fields = await fieldsFor({ area, operation: key }, agencyOnly ? AGENCY : AUTH);
      const help: string = fields.find((f) => f.key === field).helpText;
      const example = /Example: (.+)$/.exec(specHelp)?.[1];
      const description = specHelp.replace(/\s*Example: .+$/, '');
      expect(help.startsWith(description)).toBe(true);
      expect(help).toContain('Any spelling is accepted');
      if (example && !parsePhone(example)) expect(help).not.toContain(`Example: ${example}`);
      else if (example) expect(help).toContain(`Example: ${example}`);
      // Every example left is one the app reads.
      const shown = /Example: (\S+(?: \S+)*?)(?= Any spelling)/.exec(help)?.[1];
      if (shown) expect(parsePhone(shown)).toBeDefined();
    },
  );

  it('Create Sub-Account: the spec’s +1410039940 (too short) is gone, and the country field that decides is named', async () => {
    const fields = await fieldsFor({ area: 'locations', operation: 'locations:create-location' }, AGENCY);
    const help: string = fields.find((f) => f.key === 'body_phone').helpText;
    expect(help).not.toContain('+1410039940');
    expect(help).toContain('The phone number of the business for which sub-account is created');
    expect(help).toMatch(/without a country code read in the Country field's two-letter country if filled, else the sub-account's country/);
  });

  it('the spec shows an example the app refuses in these 10 phone fields (dropped above)', () => {
    const refused = cases.filter(([, , , , h]) => {
      const example = /Example: (.+)$/.exec(h)?.[1];
      return example && !parsePhone(example);
    });
    expect(refused.map(([key, field]) => `${key}.${field}`)).toEqual([
      'ad-manager:fb-create-page-lead-form.body_thankYouPage_businessPhone', // +1234567890
      'ad-manager:fb-upsert-adset.body_whatsappNumber', // +1234567890
      'contacts:get-duplicate-contact.query_number', // +1423164516
      'conversations:send-a-new-message.body_fromNumber', // +1499499299
      'conversations:send-a-new-message.body_toNumber', // +1439499299
      'locations:create-location.body_phone', // +1410039940
      'locations:put-location.body_phone', // +1410039940
      'store:get-available-shipping-zones.body_address_phone', // 1234567890: national, no country of its own
      'voice-ai:create-agent.body_inboundNumber', // +1234567890
      'voice-ai:patch-agent.body_inboundNumber', // +1234567890
    ]);
  });
});
