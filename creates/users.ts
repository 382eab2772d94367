import { usersApi } from '../src/api/users';
import { connectionFor } from '../src/connection';
import { createAction } from '../src/factories/create';
import { deleteAction } from '../src/factories/delete';
import { required } from '../src/fields/field';
import { userFields as f, userIdField, userOutputFields, userSample } from '../src/fields/user';

/** Create and Update answer alike: the user, compared on the fields the step sent (src/unsaved.ts). */
const answersUser = {
  sample: userSample,
  outputFields: userOutputFields,
  unsaved: { firstName: 'text', lastName: 'text', email: 'email', phone: 'phone' },
} as const;

/** Create User: the company id comes from the connection; without Locations, the step's own location. */
export const createUser = createAction({
  key: 'create_user',
  noun: 'User',
  label: 'Create User',
  description: 'Creates a HighLevel user with access to your location (or the locations you choose).',
  endpoint: usersApi.createUser,
  fields: [required(f.firstName), required(f.lastName), required(f.email), required(f.password), f.phone, f.type, f.role, f.locationIds],
  perform: async (input, ctx) => {
    const { locationId } = await connectionFor(ctx.z, ctx.bundle);
    const locationIds = input.locationIds ?? (locationId ? [locationId] : undefined);
    if (!locationIds) throw new ctx.z.errors.Error('Create User: choose the Locations the user can access.', 'InvalidInput', 400);
    const body = { ...input, type: input.type ?? 'account', role: input.role ?? 'user', locationIds };
    return (await ctx.call(usersApi.createUser, { body })) ?? {};
  },
  ...answersUser,
});

export const updateUser = createAction({
  key: 'update_user',
  noun: 'User',
  label: 'Update User',
  description: "Changes a user's name, email or phone. Only the fields you fill in are changed.",
  endpoint: usersApi.updateUser,
  fields: [userIdField, f.firstName, f.lastName, f.email, f.phone],
  ...answersUser,
});

export const deleteUser = deleteAction({
  key: 'delete_user',
  noun: 'User',
  description: 'Deletes a user. HighLevel queues the deletion; it takes effect within a few minutes.',
  endpoint: usersApi.deleteUser,
  fields: [userIdField],
  idKey: 'userId',
  answer: {
    succeded: true,
    message: 'Queued deleting user with e-mail sam.rivera@example.com and name Sam Rivera. Will take effect in a few minutes.',
  },
  sampleIds: { id: userSample.id },
  outputFields: [{ key: 'message', label: 'Message' }],
});
