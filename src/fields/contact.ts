import { addressOutputFields } from './address';
import { assignedUserField, tagsField } from './common';
import { FieldDef, OutputField } from './field';
import * as v from './values';

/** The contact fields HighLevel accepts on create, update and upsert (CreateContactDto / UpdateContactDto). */
export const contactFields: FieldDef[] = [
  { key: 'firstName', label: 'First Name', helpText: "The contact's first name.", schema: v.text(100) },
  { key: 'lastName', label: 'Last Name', helpText: "The contact's last name.", schema: v.text(100) },
  {
    key: 'name',
    label: 'Full Name',
    helpText: 'Use when you only have the full name; HighLevel keeps it as the display name.',
    schema: v.text(200),
  },
  { key: 'email', label: 'Email', helpText: "The contact's email address.", schema: v.email() },
  { key: 'phone', label: 'Phone', helpText: 'Phone number, ideally in international format (e.g. +1 555 010 0199).', schema: v.phone() },
  { key: 'companyName', label: 'Company Name', helpText: 'The business the contact works for.', schema: v.text(200) },
  { key: 'address1', label: 'Street Address', helpText: "Street and number of the contact's address.", schema: v.text(300) },
  { key: 'city', label: 'City', helpText: "City of the contact's address.", schema: v.text(100) },
  { key: 'state', label: 'State / Region', helpText: "State, province or region of the contact's address.", schema: v.text(100) },
  { key: 'postalCode', label: 'Postal Code', helpText: "ZIP or postal code of the contact's address.", schema: v.text(20) },
  {
    key: 'country',
    label: 'Country',
    helpText: 'Two-letter country code, e.g. US or GB.',
    schema: v.narrow(v.text(2), (s) => s.regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')),
  },
  { key: 'website', label: 'Website', helpText: "The contact's website URL.", schema: v.url() },
  { key: 'timezone', label: 'Timezone', helpText: 'IANA timezone name, e.g. America/New_York.', schema: v.text(64) },
  { key: 'dateOfBirth', label: 'Date of Birth', helpText: 'Date of birth, e.g. 1990-09-25.', schema: v.date(), type: 'datetime' },
  { key: 'source', label: 'Source', helpText: 'Where the contact came from, e.g. "Website form" or "Zapier".', schema: v.text(200) },
  { ...tagsField, helpText: 'Tags to set on the contact. On update these replace the existing tags; use "Add Tags to Contact" to add.' },
  {
    key: 'dnd',
    label: 'Do Not Disturb',
    helpText: 'Yes stops all messages to this contact on every channel.',
    schema: v.bool(),
    type: 'boolean',
  },
  { ...assignedUserField, helpText: 'The user who owns this contact.' },
];

/** A contact as HighLevel returns it (GET /contacts/{id}, search and create responses). */
export const contactSample = {
  id: 'seD4PfOuKoVMLkEZqohJ',
  locationId: 've9EPM428h8vShlRW1KT',
  firstName: 'Rosa',
  lastName: 'Delgado',
  name: 'Rosa Delgado',
  email: 'rosa.delgado@example.com',
  phone: '+15550100199',
  companyName: 'Delgado Plumbing',
  address1: '3535 1st St N',
  city: 'Dolomite',
  state: 'AL',
  postalCode: '35061',
  country: 'US',
  website: 'https://delgado-plumbing.example.com',
  timezone: 'America/Chicago',
  source: 'Website form',
  tags: ['lead', 'plumbing'],
  dnd: false,
  assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
  dateAdded: '2026-03-02T15:18:26.704Z',
  dateUpdated: '2026-03-04T09:41:02.118Z',
};

export const contactOutputFields: OutputField[] = [
  { key: 'id', label: 'Contact ID' },
  { key: 'locationId', label: 'Location ID' },
  { key: 'firstName', label: 'First Name' },
  { key: 'lastName', label: 'Last Name' },
  { key: 'name', label: 'Full Name' },
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
  { key: 'companyName', label: 'Company Name' },
  ...addressOutputFields('address1'),
  { key: 'website', label: 'Website' },
  { key: 'timezone', label: 'Timezone' },
  { key: 'source', label: 'Source' },
  { key: 'tags', label: 'Tags' },
  { key: 'dnd', label: 'Do Not Disturb', type: 'boolean' },
  { key: 'assignedTo', label: 'Assigned User ID' },
  { key: 'dateAdded', label: 'Date Added', type: 'datetime' },
  { key: 'dateUpdated', label: 'Date Updated', type: 'datetime' },
];

/** Conflict policy input of Update Contact and Create or Update Contact. */
export const sourceUpdatedAtField: FieldDef = {
  key: 'sourceUpdatedAt',
  label: 'Source Record Updated At',
  helpText:
    'When your source app last changed the record, e.g. 2026-03-04T09:41:02Z. If HighLevel changed it later, the step ' +
    'stops, tags it "zapier-review" and notes what differs.',
  schema: v.dateTime(),
};

/** Several contacts, for the bulk actions. */
export const contactIdsField: FieldDef = {
  key: 'contactIds',
  label: 'Contacts',
  helpText: 'The contacts to change: pick them, or map a list of contact IDs (up to 100 per step).',
  schema: v.narrow(v.stringList(v.id()), (s, z) => s.pipe(z.array(z.string()).max(100, 'must have at most 100 contacts'))),
  required: true,
  list: true,
  dynamic: 'contact_list.id.name',
  search: 'find_contact.id',
};

export const businessIdField: FieldDef = {
  key: 'businessId',
  label: 'Business',
  helpText: 'The HighLevel business (company record). Pick one or map a business ID.',
  schema: v.id(),
  required: true,
  dynamic: 'business_list.id.name',
};

/** An appointment as GET /contacts/{contactId}/appointments lists it (GetEventSchema). */
export const contactAppointmentSample = {
  id: 'YS3jaqqeehkR2Is80miy',
  calendarId: 'YlWd2wuCAZQzh2cH1fVZ',
  status: 'booked',
  appointmentStatus: 'confirmed',
  title: 'Water heater estimate',
  assignedUserId: 'y0BeYjuRIlDwsDcOHOJo',
  notes: 'Side gate code 4411.',
  startTime: '2026-03-10T15:00:00.000Z',
  endTime: '2026-03-10T15:30:00.000Z',
  address: '3535 1st St N, Dolomite, AL',
  locationId: 've9EPM428h8vShlRW1KT',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  users: ['y0BeYjuRIlDwsDcOHOJo'],
  dateAdded: '2026-03-04T11:20:00.000Z',
  dateUpdated: '2026-03-04T11:20:00.000Z',
};

export const contactAppointmentOutputFields: OutputField[] = [
  { key: 'id', label: 'Appointment ID' },
  { key: 'title', label: 'Title' },
  { key: 'calendarId', label: 'Calendar ID' },
  { key: 'status', label: 'Status' },
  { key: 'appointmentStatus', label: 'Appointment Status' },
  { key: 'startTime', label: 'Start Time', type: 'datetime' },
  { key: 'endTime', label: 'End Time', type: 'datetime' },
  { key: 'assignedUserId', label: 'Assigned User ID' },
  { key: 'address', label: 'Address' },
  { key: 'notes', label: 'Notes' },
  { key: 'contactId', label: 'Contact ID' },
  { key: 'dateAdded', label: 'Date Added', type: 'datetime' },
];

/**
 * Contacts from `POST /contacts/search`. Its records call the street `address` and the full name `contactName`
 * (live answers, GoHighLevel/highlevel-api-docs#314; the spec declares no 200 schema for this call): they leave
 * with the keys every other contact answer uses, so New Contact and Find Contact outputs match their samples.
 */
export function searchedContacts(data: any): Array<Record<string, any>> {
  return ((data?.contacts ?? []) as Array<Record<string, any>>)
    .filter((c) => c && typeof c === 'object' && c.id)
    .map((c) => {
      const name = c.name ?? c.contactName ?? ([c.firstName, c.lastName].filter(Boolean).join(' ') || undefined);
      const address1 = c.address1 ?? c.address;
      return { ...c, ...(name !== undefined ? { name } : {}), ...(address1 !== undefined ? { address1 } : {}) };
    });
}
