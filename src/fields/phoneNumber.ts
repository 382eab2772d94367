import { FieldDef, OutputField } from './field';
import * as v from './values';

/**
 * The numbers an SMS can be sent from, each keyed by its E.164 number (what Send SMS's `fromNumber` takes):
 * numbers HighLevel says cannot send SMS (`capabilities.sms: false`) are left out.
 */
export function phoneNumberChoices(numbers: Array<Record<string, any>>): Array<Record<string, any>> {
  return numbers
    .filter((n) => typeof n.phoneNumber === 'string' && n.phoneNumber && n.capabilities?.sms !== false)
    .map((n) => ({ ...n, id: n.phoneNumber }));
}

/** A number as GET /phone-system/numbers/location/{locationId} lists it (DetailedPhoneNumberDto), keyed by it. */
export const phoneNumberSample = {
  id: '+14155552671',
  phoneNumber: '+14155552671',
  friendlyName: 'Sales Line 1',
  sid: 'PN1234567890abcdef1234567890abcde',
  countryCode: 'US',
  capabilities: { voice: true, sms: true, mms: true, fax: false },
  type: 'local',
  isDefaultNumber: true,
  linkedRingAllUsers: ['y0BeYjuRIlDwsDcOHOJo'],
  isGroupConversationEnabled: false,
  dateAdded: '2026-01-15T10:30:00Z',
  dateUpdated: '2026-02-20T14:45:00Z',
};

/** HighLevel's whole answer (its required siblings of `numbers`); the sample is its number with an `id`. */
export const phoneNumberAnswer = {
  numbers: [Object.fromEntries(Object.entries(phoneNumberSample).filter(([k]) => k !== 'id'))],
  isUnderGhl: true,
  pageSize: 1000,
  page: 0,
  accountStatus: 'active',
};

export const phoneNumberOutputFields: OutputField[] = [
  { key: 'id', label: 'Phone Number' },
  { key: 'phoneNumber', label: 'Phone Number (E.164)' },
  { key: 'friendlyName', label: 'Name' },
  { key: 'countryCode', label: 'Country Code' },
  { key: 'type', label: 'Number Type' },
  { key: 'isDefaultNumber', label: 'Is Default Number', type: 'boolean' },
];

/** Send SMS's From Number: one of the location's numbers. */
export const fromNumberField: FieldDef = {
  key: 'fromNumber',
  label: 'From Number',
  helpText: "Send from this number of your location, e.g. +14155552671 (default: the location's number).",
  schema: v.phone(),
  dynamic: 'phone_number_list.id.name',
};
