import { OutputField } from '../factories/operation';
import { assignedUserField, tagsField } from './common';
import { FieldDef } from './field';
import * as v from './values';

/** The contact fields HighLevel accepts on create, update and upsert (CreateContactDto / UpdateContactDto). */
export const contactFields: FieldDef[] = [
  { key: 'firstName', label: 'First Name', helpText: "The contact's first name.", schema: v.text(100) },
  { key: 'lastName', label: 'Last Name', helpText: "The contact's last name.", schema: v.text(100) },
  { key: 'name', label: 'Full Name', helpText: 'Use when you only have the full name; HighLevel keeps it as the display name.', schema: v.text(200) },
  { key: 'email', label: 'Email', helpText: "The contact's email address.", schema: v.email() },
  { key: 'phone', label: 'Phone', helpText: 'Phone number, ideally in international format (e.g. +1 555 010 0199).', schema: v.phone() },
  { key: 'companyName', label: 'Company Name', helpText: 'The business the contact works for.', schema: v.text(200) },
  { key: 'address1', label: 'Street Address', helpText: "Street and number of the contact's address.", schema: v.text(300) },
  { key: 'city', label: 'City', helpText: "City of the contact's address.", schema: v.text(100) },
  { key: 'state', label: 'State / Region', helpText: "State, province or region of the contact's address.", schema: v.text(100) },
  { key: 'postalCode', label: 'Postal Code', helpText: "ZIP or postal code of the contact's address.", schema: v.text(20) },
  { key: 'country', label: 'Country', helpText: 'Two-letter country code, e.g. US or GB.', schema: v.text(2).regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code') },
  { key: 'website', label: 'Website', helpText: "The contact's website URL.", schema: v.url() },
  { key: 'timezone', label: 'Timezone', helpText: 'IANA timezone name, e.g. America/New_York.', schema: v.text(64) },
  { key: 'dateOfBirth', label: 'Date of Birth', helpText: 'Date of birth (YYYY-MM-DD).', schema: v.date(), type: 'datetime' },
  { key: 'source', label: 'Source', helpText: 'Where the contact came from, e.g. "Website form" or "Zapier".', schema: v.text(200) },
  { ...tagsField, helpText: 'Tags to set on the contact. On update these replace the existing tags; use "Add Tags to Contact" to add.' },
  { key: 'dnd', label: 'Do Not Disturb', helpText: 'Yes stops all messages to this contact on every channel.', schema: v.bool(), type: 'boolean' },
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
  { key: 'address1', label: 'Street Address' },
  { key: 'city', label: 'City' },
  { key: 'state', label: 'State / Region' },
  { key: 'postalCode', label: 'Postal Code' },
  { key: 'country', label: 'Country' },
  { key: 'website', label: 'Website' },
  { key: 'timezone', label: 'Timezone' },
  { key: 'source', label: 'Source' },
  { key: 'tags', label: 'Tags' },
  { key: 'dnd', label: 'Do Not Disturb', type: 'boolean' },
  { key: 'assignedTo', label: 'Assigned User ID' },
  { key: 'dateAdded', label: 'Date Added', type: 'datetime' },
  { key: 'dateUpdated', label: 'Date Updated', type: 'datetime' },
];
