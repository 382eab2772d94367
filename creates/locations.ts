import { locationsApi } from '../src/api/locations';
import { createAction } from '../src/factories/create';
import { FieldDef } from '../src/fields/field';
import { locationOutputFields, locationSample } from '../src/fields/location';
import * as v from '../src/fields/values';

const text = (key: string, label: string, helpText: string, max = 200): FieldDef => ({ key, label, helpText, schema: v.text(max) });

/** Create Location (agency connections; HighLevel requires the Agency Pro plan). The company comes from the connection. */
export const createLocation = createAction({
  key: 'create_location',
  noun: 'Location',
  label: 'Create Location',
  description: 'Creates a new sub-account (location) in your agency. Needs an agency connection on the Agency Pro plan.',
  endpoint: locationsApi.createLocation,
  fields: [
    {
      key: 'name',
      label: 'Name',
      helpText: 'The name of the sub-account, usually the business name.',
      schema: v.text(200),
      required: true,
    },
    { key: 'phone', label: 'Phone', helpText: 'The business phone number, with country code (e.g. +1 555 010 0150).', schema: v.phone() },
    text('address', 'Street Address', 'Street and number of the business.', 300),
    text('city', 'City', 'City of the business.'),
    text('state', 'State / Region', 'State, province or region of the business.'),
    {
      key: 'country',
      label: 'Country',
      helpText: 'Two-letter country code, e.g. US or GB.',
      schema: v.narrow(v.text(2), (s) => s.regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code').transform((c) => c.toUpperCase())),
    },
    text('postalCode', 'Postal Code', 'ZIP or postal code of the business.', 20),
    { key: 'website', label: 'Website', helpText: "The business's website URL.", schema: v.url() },
    text('timezone', 'Timezone', 'IANA timezone name, e.g. America/Chicago.', 64),
  ],
  sample: { ...locationSample, domain: 'app.brightlocal.example.com' },
  outputFields: locationOutputFields,
});
