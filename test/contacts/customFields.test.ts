// Custom fields end to end: every data type as an editor field, written in the spec's shape, validated by type,
// and turned back into readable, labelled output.
import { customFieldInput, customOutputKey } from '../../src/customFields';
import { contactSample } from '../../src/fields/contact';
import { appTester, AUTH, highlevel, operation, run } from '../support/highlevel';

const defs = [
  { id: 'cfText', name: 'Favourite Colour', fieldKey: 'contact.favourite_colour', dataType: 'TEXT', placeholder: 'Teal' },
  { id: 'cfLarge', name: 'Project Notes', fieldKey: 'contact.project_notes', dataType: 'LARGE_TEXT' },
  { id: 'cfNum', name: 'Household Size', fieldKey: 'contact.household_size', dataType: 'NUMERICAL' },
  { id: 'cfMoney', name: 'Budget', fieldKey: 'contact.budget', dataType: 'MONETORY' },
  { id: 'cfDate', name: 'Install Date', fieldKey: 'contact.install_date', dataType: 'DATE' },
  {
    id: 'cfCheck',
    name: 'Services',
    fieldKey: 'contact.services',
    dataType: 'CHECKBOX',
    picklistOptions: ['Repair', 'Install', 'Inspect'],
  },
  {
    id: 'cfMulti',
    name: 'Rooms',
    fieldKey: 'contact.rooms',
    dataType: 'MULTIPLE_OPTIONS',
    picklistOptions: ['Kitchen', 'Bath'],
    isAllowedCustomOption: true,
  },
  {
    id: 'cfSingle',
    name: 'Property Type',
    fieldKey: 'contact.property_type',
    dataType: 'SINGLE_OPTIONS',
    picklistOptions: ['House', 'Flat'],
  },
  {
    id: 'cfRadio',
    name: 'Preferred Channel',
    fieldKey: 'contact.preferred_channel',
    dataType: 'RADIO',
    picklistOptions: ['Phone', 'Email'],
  },
  { id: 'cfPhone', name: 'Office Phone', fieldKey: 'contact.office_phone', dataType: 'PHONE' },
  { id: 'cfEmail', name: 'Billing Email', fieldKey: 'contact.billing_email', dataType: 'EMAIL' },
  { id: 'cfList', name: 'Alternate Names', fieldKey: 'contact.alternate_names', dataType: 'TEXTBOX_LIST' },
  { id: 'cfFile', name: 'Site Photos', fieldKey: 'contact.site_photos', dataType: 'FILE_UPLOAD' },
  { id: 'cfSig', name: 'Customer Signature', fieldKey: 'contact.customer_signature', dataType: 'SIGNATURE' },
  { id: 'cfNoKey', name: 'Référence Client #', dataType: 'TEXT' },
].map((d) => ({ ...d, locationId: AUTH.locationId, model: 'contact' }));

// The app tester keeps z.cache between steps: each test starts with an empty cache.
beforeEach(() => {
  (appTester as any).zcacheTestObj = {};
});

const definitions = () =>
  highlevel().get(`/locations/${AUTH.locationId}/customFields`).query({ model: 'contact' }).matchHeader('version', '2021-07-28');

/** Every data type that takes input, as a zap fills it (strings), and what HighLevel must receive. */
const filled: Record<string, [unknown, unknown]> = {
  cfText: ['Teal', 'Teal'],
  cfLarge: ['Replace the heater\nand the valves', 'Replace the heater\nand the valves'],
  cfNum: ['4', 4],
  cfMoney: ['1250.50', 1250.5],
  cfDate: ['2026-04-01T00:00:00Z', '2026-04-01'],
  cfCheck: [
    ['Repair', 'Inspect'],
    ['Repair', 'Inspect'],
  ],
  cfMulti: ['Kitchen, Garage', ['Kitchen', 'Garage']],
  cfSingle: ['Flat', 'Flat'],
  cfRadio: ['Email', 'Email'],
  // A phone custom field is read as every phone input is (src/typedInput.ts): E.164.
  cfPhone: ['+1 555 010 0142', '+15550100142'],
  cfEmail: ['billing@delgado.example.com', 'billing@delgado.example.com'],
  cfList: [
    ['Rosie', 'R. Delgado'],
    ['Rosie', 'R. Delgado'],
  ],
};

describe('custom fields in the editor', () => {
  it('offers one typed field per custom field, labelled with its name; files and signatures are left out', async () => {
    definitions().reply(200, { customFields: defs });
    const fieldsFn = operation('create_contact').definition.operation.inputFields.at(-1);
    expect(typeof fieldsFn).toBe('function');
    const fields: any[] = (await appTester(fieldsFn, { authData: AUTH, inputData: {} } as any)) as any;
    const byId = Object.fromEntries(fields.map((f) => [f.key.replace('customField__', ''), f]));
    expect(Object.keys(byId).sort()).toEqual([...Object.keys(filled), 'cfNoKey'].sort());
    expect(byId.cfText).toMatchObject({ label: 'Favourite Colour', helpText: expect.stringContaining('Example: Teal') });
    expect(byId.cfLarge).toMatchObject({ type: 'text' });
    expect(byId.cfNum).toMatchObject({ label: 'Household Size', type: 'number' });
    expect(byId.cfMoney).toMatchObject({ type: 'number' });
    expect(byId.cfDate).toMatchObject({ type: 'datetime' });
    expect(byId.cfCheck).toMatchObject({ list: true, choices: { Repair: 'Repair', Install: 'Install', Inspect: 'Inspect' } });
    expect(byId.cfMulti).toMatchObject({ list: true });
    expect(byId.cfSingle).toMatchObject({ choices: { House: 'House', Flat: 'Flat' } });
    expect(byId.cfSingle.list).toBeUndefined();
    expect(byId.cfRadio).toMatchObject({ choices: { Phone: 'Phone', Email: 'Email' } });
    expect(byId.cfList).toMatchObject({ list: true });
    for (const f of fields) expect(f.helpText).not.toBe(f.label);
  });

  it('labels the output fields with the field names, typed by data type', async () => {
    definitions().reply(200, { customFields: defs });
    const outputFn = operation('new_contact').definition.operation.outputFields.at(-1);
    const fields: any[] = (await appTester(outputFn, { authData: AUTH, inputData: {} } as any)) as any;
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(byKey.custom_favourite_colour).toEqual({ key: 'custom_favourite_colour', label: 'Favourite Colour' });
    expect(byKey.custom_household_size).toMatchObject({ label: 'Household Size', type: 'number' });
    expect(byKey.custom_budget).toMatchObject({ label: 'Budget', type: 'number' });
    expect(byKey.custom_install_date).toMatchObject({ label: 'Install Date', type: 'datetime' });
    expect(byKey.custom_site_photos).toMatchObject({ label: 'Site Photos' });
    expect(byKey.custom_customer_signature).toMatchObject({ label: 'Customer Signature' });
    expect(byKey.custom_r_f_rence_client).toMatchObject({ label: 'Référence Client #' });
    expect(fields).toHaveLength(defs.length);
  });

  it('shows the standard fields only when the custom fields cannot be read', async () => {
    definitions().reply(403, { message: 'The token is not authorized for this scope.' });
    const fieldsFn = operation('create_contact').definition.operation.inputFields.at(-1);
    expect(await appTester(fieldsFn, { authData: AUTH, inputData: {} } as any)).toEqual([]);
  });
});

describe('custom field values written', () => {
  it('Create Contact sends every data type as customFields [{id, field_value}] and reads them back by name', async () => {
    definitions().reply(200, { customFields: defs });
    const expected = Object.entries(filled).map(([id, [, value]]) => ({ id, field_value: value }));
    const scope = highlevel()
      .post('/contacts/', (body) => {
        expect(body).toEqual({ locationId: AUTH.locationId, firstName: 'Rosa', customFields: expected });
        return true;
      })
      .reply(201, {
        contact: {
          ...contactSample,
          id: 'new1',
          customFields: [
            ...Object.entries(filled).map(([id, [, value]]) => ({ id, value })),
            { id: 'cfFile', value: 'https://files.example.com/photo.jpg' },
            { id: 'cfSig', value: 'https://files.example.com/sig.png' },
            { id: 'cfNoKey', value: 'RC-104' },
            { id: 'cfGone', value: 'kept by id' },
          ],
        },
      });
    const input = Object.fromEntries(Object.entries(filled).map(([id, [raw]]) => [`customField__${id}`, raw]));
    const result: any = await run(operation('create_contact'), { firstName: 'Rosa', ...input });
    scope.done();
    expect(result).toMatchObject({
      id: 'new1',
      custom_favourite_colour: 'Teal',
      custom_project_notes: 'Replace the heater\nand the valves',
      custom_household_size: 4,
      custom_budget: 1250.5,
      custom_install_date: '2026-04-01',
      custom_services: ['Repair', 'Inspect'],
      custom_rooms: ['Kitchen', 'Garage'],
      custom_property_type: 'Flat',
      custom_preferred_channel: 'Email',
      custom_office_phone: '+15550100142',
      custom_billing_email: 'billing@delgado.example.com',
      custom_alternate_names: ['Rosie', 'R. Delgado'],
      custom_site_photos: 'https://files.example.com/photo.jpg',
      custom_customer_signature: 'https://files.example.com/sig.png',
      custom_r_f_rence_client: 'RC-104',
      custom_cfgone: 'kept by id',
    });
    // The raw [{id, value}] list leaves the output once every value has its readable custom_<key> (output.ts).
    expect(result.customFields).toBeUndefined();
  });

  it.each([
    ['customField__cfNum', 'abc', /Household Size \(customField__cfNum\) must be a number/],
    ['customField__cfMoney', '12,50 EUR', /Budget \(customField__cfMoney\) must be a number/],
    ['customField__cfDate', 'someday', /Install Date \(customField__cfDate\) must be a date/],
    ['customField__cfSingle', 'Castle', /Property Type \(customField__cfSingle\) must be one of: House, Flat/],
    ['customField__cfRadio', 'Fax', /Preferred Channel \(customField__cfRadio\) must be one of: Phone, Email/],
    ['customField__cfCheck', ['Repair', 'Paint'], /Services \(customField__cfCheck\) must be one of: Repair, Install, Inspect/],
    ['customField__cfEmail', 'not-an-email', /Billing Email \(customField__cfEmail\) must be a valid email address/],
    ['customField__cfPhone', 'call me', /Office Phone \(customField__cfPhone\) must be a phone number/],
  ])('rejects %s = %j naming the field, before writing', async (key, value, message) => {
    definitions().reply(200, { customFields: defs }); // the only request allowed: no POST /contacts/
    await expect(run(operation('create_contact'), { firstName: 'Rosa', [key]: value })).rejects.toThrow(message);
  });

  it('rejects a bad standard field before reading the custom fields', async () => {
    await expect(run(operation('create_contact'), { email: 'nope', customField__cfNum: '4' })).rejects.toThrow(/Email \(email\)/);
  });

  it('Update Contact and Create or Update Contact write custom fields the same way (one definitions request per step)', async () => {
    definitions().reply(200, { customFields: defs });
    const scope = highlevel()
      .put('/contacts/c1', { customFields: [{ id: 'cfNum', field_value: 5 }] })
      .reply(200, { succeded: true, contact: { ...contactSample, id: 'c1', customFields: [{ id: 'cfNum', value: 5 }] } });
    const updated: any = await run(operation('update_contact'), { contactId: 'c1', customField__cfNum: '5' });
    expect(updated.custom_household_size).toBe(5);
    scope.done();

    definitions().reply(200, { customFields: defs });
    // The upsert first checks the email is not another contact's additional email (issue 10).
    highlevel()
      .get('/contacts/search/duplicate')
      .query({ locationId: AUTH.locationId, email: 'rosa@example.com' })
      .reply(200, { contact: null });
    highlevel()
      .post('/contacts/upsert', {
        locationId: AUTH.locationId,
        email: 'rosa@example.com',
        customFields: [{ id: 'cfSingle', field_value: 'House' }],
      })
      .reply(200, { new: false, contact: { ...contactSample, id: 'c1', customFields: [{ id: 'cfSingle', value: 'House' }] } });
    const upserted: any = await run(operation('upsert_contact'), { email: 'rosa@example.com', customField__cfSingle: 'House' });
    expect(upserted).toMatchObject({ isNew: false, custom_property_type: 'House' });
  });
});

describe('custom field values read', () => {
  it('caches the definitions per connection between steps (z.cache)', async () => {
    definitions().reply(200, { customFields: defs }); // answered once: a second definitions request would fail
    const reply = { contacts: [{ ...contactSample, id: 'c1', customFields: [{ id: 'cfText', value: 'Teal' }] }] };
    // The second poll finds a newer contact (it emits only records newer than the first poll's).
    const newer = {
      contacts: [{ ...contactSample, id: 'c2', dateAdded: '2099-01-01T00:00:00.000Z', customFields: [{ id: 'cfText', value: 'Teal' }] }],
    };
    highlevel().post('/contacts/search').reply(200, reply).post('/contacts/search').reply(200, newer);
    const first: any = await run(operation('new_contact'));
    const second: any = await run(operation('new_contact'));
    expect([first[0].custom_favourite_colour, second[0].custom_favourite_colour]).toEqual(['Teal', 'Teal']);
  });

  it('triggers and searches add readable keys', async () => {
    definitions().reply(200, { customFields: defs });
    highlevel()
      .post('/contacts/search')
      .reply(200, {
        contacts: [
          {
            ...contactSample,
            id: 'c1',
            customFields: [
              { id: 'cfText', value: 'Teal' },
              { id: 'cfMoney', value: 99 },
            ],
          },
        ],
      });
    const [first]: any = await run(operation('new_contact'));
    expect(first).toMatchObject({ id: 'c1', custom_favourite_colour: 'Teal', custom_budget: 99 });

    definitions().reply(200, { customFields: defs });
    highlevel()
      .get('/contacts/c1')
      .reply(200, { contact: { ...contactSample, id: 'c1', customFields: [{ id: 'cfDate', value: '2026-04-01' }] } });
    const [found]: any = await run(operation('find_contact'), { contactId: 'c1' });
    expect(found).toMatchObject({ id: 'c1', custom_install_date: '2026-04-01' });
  });

  it('reads no definitions when no record has custom field values', async () => {
    const unused = definitions().reply(200, { customFields: defs });
    const scope = highlevel()
      .post('/contacts/search')
      .reply(200, { contacts: [{ ...contactSample, id: 'c1', customFields: [] }] });
    const results: any = await run(operation('new_contact'));
    expect(results[0]).not.toHaveProperty('custom_favourite_colour');
    scope.done();
    expect(unused.isDone()).toBe(false);
  });

  it('keys values by field id when the definitions cannot be read', async () => {
    definitions().reply(403, { message: 'The token is not authorized for this scope.' });
    highlevel()
      .post('/contacts/search')
      .reply(200, { contacts: [{ ...contactSample, id: 'c1', customFields: [{ id: 'cfText', value: 'Teal' }] }] });
    const [first]: any = await run(operation('new_contact'));
    expect(first).toMatchObject({ id: 'c1', custom_cftext: 'Teal' });
  });
});

describe('generic over the model', () => {
  it('strips the opportunity prefix from output keys and types opportunity fields the same way', () => {
    expect(customOutputKey({ id: 'x', fieldKey: 'opportunity.deal_size', name: 'Deal Size' }, 'x')).toBe('custom_deal_size');
    expect(customFieldInput({ id: 'x', name: 'Deal Size', dataType: 'MONETORY', model: 'opportunity' })).toMatchObject({
      key: 'customField__x',
      label: 'Deal Size',
      type: 'number',
    });
  });
});
