import { addressOutputFields } from './address';
import { FieldDef, OutputField } from './field';
import * as v from './values';

export const businessIdField: FieldDef = {
  key: 'businessId',
  label: 'Business',
  helpText: 'The HighLevel business (company record). Pick one, search by name, or map a business ID.',
  schema: v.id(),
  required: true,
  dynamic: 'business_list.id.name',
  search: 'find_business.id',
};

/** Business fields (CreateBusinessDto / UpdateBusinessDto). */
export const businessFields: FieldDef[] = [
  { key: 'name', label: 'Business Name', helpText: 'The name of the business, e.g. "Delgado Plumbing".', schema: v.text(200) },
  {
    key: 'phone',
    label: 'Phone',
    helpText: 'The business phone number, ideally in international format (e.g. +1 555 010 0199).',
    schema: v.phone(),
  },
  { key: 'email', label: 'Email', helpText: "The business's email address.", schema: v.email() },
  { key: 'website', label: 'Website', helpText: 'The business website, e.g. delgado-plumbing.example.com.', schema: v.text(300) },
  { key: 'address', label: 'Street Address', helpText: 'Street and number.', schema: v.text(300) },
  { key: 'city', label: 'City', helpText: 'The city the business is in.', schema: v.text(100) },
  { key: 'state', label: 'State', helpText: 'State, province or region.', schema: v.text(100) },
  { key: 'postalCode', label: 'Postal Code', helpText: 'ZIP or postal code.', schema: v.text(20) },
  { key: 'country', label: 'Country', helpText: 'The country, e.g. US or United States.', schema: v.text(100) },
  { key: 'description', label: 'Description', helpText: 'Notes about the business.', schema: v.text(5000), type: 'text' },
];

/** A business as HighLevel returns it (BusinessDto). */
export const businessSample = {
  id: '63771dcac1116f0e21de8e12',
  name: 'Delgado Plumbing',
  phone: '+15550100199',
  email: 'office@delgado-plumbing.example.com',
  website: 'delgado-plumbing.example.com',
  address: '3535 1st St N',
  city: 'Dolomite',
  state: 'AL',
  postalCode: '35061',
  country: 'US',
  description: 'Family-run plumbing business, 12 vans.',
  locationId: 've9EPM428h8vShlRW1KT',
  createdBy: {},
  updatedBy: {},
  createdAt: '2026-02-18T14:03:27.000Z',
  updatedAt: '2026-03-01T09:45:10.000Z',
};

export const businessOutputFields: OutputField[] = [
  { key: 'id', label: 'Business ID' },
  { key: 'name', label: 'Business Name' },
  { key: 'phone', label: 'Phone' },
  { key: 'email', label: 'Email' },
  { key: 'website', label: 'Website' },
  ...addressOutputFields('address', 'State'),
  { key: 'description', label: 'Description' },
  { key: 'locationId', label: 'Location ID' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
];
