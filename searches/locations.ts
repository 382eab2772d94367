import { agencyApi } from '../src/api/agency';
import { locationsApi } from '../src/api/locations';
import { companyIdOf } from '../src/connection';
import { searchAction } from '../src/factories/search';
import { locationField, locationOutputFields, locationSample } from '../src/fields/location';

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
  resultKey: 'location',
  sample: locationSample,
  outputFields: locationOutputFields,
});

/** Find Company: the connected agency itself (agency connections only). */
export const findCompany = searchAction({
  key: 'find_company',
  noun: 'Company',
  label: 'Find Company',
  description: 'Finds the connected agency (company): name, contact details and plan. Needs an agency connection.',
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
