import { FieldDef, OutputField } from './field';
import * as v from './values';

export const userIdField: FieldDef = {
  key: 'userId',
  label: 'User',
  helpText: 'The HighLevel user. Pick one, search by name or email, or map a user ID from an earlier step.',
  schema: v.id(),
  required: true,
  dynamic: 'user_list.id.name',
  search: 'find_user.id',
};

/** User fields shared by create and update (CreateUserDto / UpdateUserDto). */
export const userFields = {
  firstName: { key: 'firstName', label: 'First Name', helpText: "The user's first name.", schema: v.text(100) } as FieldDef,
  lastName: { key: 'lastName', label: 'Last Name', helpText: "The user's last name.", schema: v.text(100) } as FieldDef,
  email: { key: 'email', label: 'Email', helpText: 'The email address the user signs in with.', schema: v.email() } as FieldDef,
  phone: {
    key: 'phone',
    label: 'Phone',
    helpText: 'Phone number, ideally in international format (e.g. +1 555 010 0199).',
    schema: v.phone(),
  } as FieldDef,
  password: {
    key: 'password',
    label: 'Password',
    helpText: 'The initial password (at least 8 characters). The user can change it after signing in.',
    schema: v.narrow(v.text(200), (s) => s.min(8, 'must be at least 8 characters')),
  } as FieldDef,
  type: {
    key: 'type',
    label: 'User Type',
    helpText: 'Account: a sub-account (location) user. Agency: a user of the agency itself.',
    schema: v.oneOf(['account', 'agency']),
    choices: { account: 'Account (Sub-Account User)', agency: 'Agency' },
    default: 'account',
  } as FieldDef,
  role: {
    key: 'role',
    label: 'Role',
    helpText: 'Admin users can change settings; regular users only work with the data.',
    schema: v.oneOf(['admin', 'user']),
    choices: { admin: 'Admin', user: 'User' },
    default: 'user',
  } as FieldDef,
  locationIds: {
    key: 'locationIds',
    label: 'Locations',
    helpText: "The sub-accounts the user can access. Leave empty for this step's location.",
    schema: v.stringList(v.id()),
    list: true,
    dynamic: 'location_list.id.name',
  } as FieldDef,
};

/** A user as the users endpoints return it (UserSchema / UserSuccessfulResponseDto). */
export const userSample = {
  id: 'y0BeYjuRIlDwsDcOHOJo',
  name: 'Sam Rivera',
  firstName: 'Sam',
  lastName: 'Rivera',
  email: 'sam.rivera@example.com',
  phone: '+15550100123',
  extension: '',
  permissions: { contactsEnabled: true, opportunitiesEnabled: true, workflowsEnabled: false, campaignsEnabled: false },
  roles: { type: 'account', role: 'user', locationIds: ['ve9EPM428h8vShlRW1KT'], restrictSubAccount: false },
};

export const userOutputFields: OutputField[] = [
  { key: 'id', label: 'User ID' },
  { key: 'name', label: 'Name' },
  { key: 'firstName', label: 'First Name' },
  { key: 'lastName', label: 'Last Name' },
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
  { key: 'roles__type', label: 'User Type' },
  { key: 'roles__role', label: 'Role' },
  { key: 'roles__locationIds', label: 'Location IDs' },
];
