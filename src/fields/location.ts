import { addressOutputFields } from './address';
import { FieldDef, OutputField } from './field';
import * as v from './values';

/**
 * The sub-account a step acts for on an agency connection. The factories show it first on every
 * location-scoped operation when the connection is an agency's; `connectionFor()` reads it.
 */
export const locationField: FieldDef = {
  key: 'locationId',
  label: 'Location',
  helpText: 'The sub-account (location) this step works in. Your connection is an agency connection, so choose one for each step.',
  schema: v.id(),
  required: true,
  dynamic: 'location_list.id.name',
  search: 'find_location.id',
  altersDynamicFields: true,
};

/** A location as GET /locations/{locationId} and GET /locations/search return it. */
export const locationSample = {
  id: 've9EPM428h8vShlRW1KT',
  companyId: '5DP4iH6HLkQsiKESj6rh',
  name: 'Delgado Plumbing - Dolomite',
  address: '3535 1st St N',
  city: 'Dolomite',
  state: 'AL',
  country: 'US',
  postalCode: '35061',
  website: 'https://delgado-plumbing.example.com',
  timezone: 'America/Chicago',
  email: 'office@delgado-plumbing.example.com',
  phone: '+15550100150',
};

export const locationOutputFields: OutputField[] = [
  { key: 'id', label: 'Location ID' },
  { key: 'companyId', label: 'Company ID' },
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
  ...addressOutputFields('address'),
  { key: 'website', label: 'Website' },
  { key: 'timezone', label: 'Timezone' },
];
