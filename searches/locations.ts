import { agencyApi } from '../src/api/agency';
import { customFieldOperationsApi } from '../src/api/customFieldsApi';
import { locationsApi } from '../src/api/locations';
import { companyIdOf } from '../src/connection';
import { Item } from '../src/factories/operation';
import { searchAction } from '../src/factories/search';
import { customFieldModels, customFieldOutputFields, customFieldSample } from '../src/fields/customField';
import { locationField, locationOutputFields, locationSample } from '../src/fields/location';
import * as v from '../src/fields/values';

/**
 * Find Location by ID. A sub-account connection can read only its own location (the default); an agency
 * connection reads the location chosen here.
 */
export const findLocation = searchAction({
  key: 'find_location',
  noun: 'Location',
  label: 'Find Location',
  description: 'Finds a sub-account (location) by its ID: name, address, timezone and contact details.',
  endpoint: locationsApi.getLocation,
  fields: [
    {
      ...locationField,
      required: false,
      search: undefined,
      altersDynamicFields: undefined,
      helpText: 'The location to read. Leave empty on a sub-account connection to read the connected location.',
    },
  ],
  request: (input) => ({ path: input.locationId ? { locationId: input.locationId } : {} }),
  resultKey: 'location',
  sample: locationSample,
  outputFields: locationOutputFields,
});

/** Get Company: the connected agency itself (agency connections only). */
export const findCompany = searchAction({
  key: 'find_company',
  noun: 'Company',
  label: 'Get Company',
  description: 'Gets the connected agency (company): name, contact details and plan. Needs an agency connection.',
  endpoint: agencyApi.getCompany,
  fields: [],
  request: (_input, ctx) => ({ path: { companyId: companyIdOf(ctx.bundle) } }),
  resultKey: 'company',
  sample: {
    id: '5DP4iH6HLkQsiKESj6rh',
    name: 'Bright Local Marketing',
    email: 'hello@brightlocal.example.com',
    phone: '+15550100300',
    website: 'https://brightlocal.example.com',
    address: '3500 Deer Creek Road',
    city: 'Palo Alto',
    state: 'CA',
    postalCode: '94304',
    country: 'US',
    timezone: 'US/Central',
    customerType: 'agency',
    plan: 2,
  },
  outputFields: [
    { key: 'id', label: 'Company ID' },
    { key: 'name', label: 'Name' },
    { key: 'email', label: 'Email' },
    { key: 'phone', label: 'Phone' },
    { key: 'website', label: 'Website' },
    { key: 'address', label: 'Street Address' },
    { key: 'city', label: 'City' },
    { key: 'state', label: 'State / Region' },
    { key: 'postalCode', label: 'Postal Code' },
    { key: 'country', label: 'Country' },
    { key: 'timezone', label: 'Timezone' },
    { key: 'plan', label: 'Plan', type: 'number' },
  ],
});

export const findCustomField = searchAction({
  key: 'find_custom_field',
  noun: 'Custom Field',
  label: 'Find Custom Field',
  description: 'Finds a contact or opportunity custom field by its ID, name or field key.',
  endpoint: customFieldOperationsApi.listCustomFields,
  alsoCalls: [customFieldOperationsApi.getCustomField],
  fields: [
    { key: 'customFieldId', label: 'Custom Field ID', helpText: 'Find the custom field with exactly this ID.', schema: v.id() },
    { key: 'name', label: 'Name', helpText: 'The custom field name (or field key, e.g. contact.water_heater_age). Case does not matter.', schema: v.text(200) },
    {
      key: 'model',
      label: 'Object',
      helpText: 'Only contact fields or only opportunity fields (default: both).',
      schema: v.oneOf(customFieldModels),
      choices: { contact: 'Contact', opportunity: 'Opportunity' },
    },
  ],
  perform: async (input, ctx): Promise<Item[]> => {
    if (input.customFieldId) {
      const data = await ctx.call(customFieldOperationsApi.getCustomField, { path: { id: input.customFieldId } }, { notFoundAsNull: true });
      return data?.customField ? [data.customField] : [];
    }
    if (!input.name) throw new ctx.z.errors.Error('Find Custom Field: fill in Custom Field ID or Name.', 'InvalidInput', 400);
    const data = await ctx.call(customFieldOperationsApi.listCustomFields, { query: { model: input.model ?? 'all' } });
    const wanted = String(input.name).toLowerCase();
    const fields = ((data?.customFields ?? []) as Item[]).filter((f) => f?.id);
    const exact = fields.filter((f) => [f.name, f.fieldKey].some((n) => typeof n === 'string' && n.toLowerCase() === wanted));
    return exact.length ? exact : fields.filter((f) => typeof f.name === 'string' && f.name.toLowerCase().includes(wanted));
  },
  sample: customFieldSample,
  sampleAnswer: { customFields: [customFieldSample] },
  outputFields: customFieldOutputFields,
});
