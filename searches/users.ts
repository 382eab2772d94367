import { usersApi } from '../src/api/users';
import { Item } from '../src/factories/operation';
import { searchAction } from '../src/factories/search';
import { userOutputFields, userSample } from '../src/fields/user';
import * as v from '../src/fields/values';

const sameEmail = (a: unknown, b: string) =>
  String(a ?? '')
    .trim()
    .toLowerCase() === b.trim().toLowerCase();

/**
 * Find User: by ID (`GET /users/{userId}`), by email (the user search, keeping exact email matches only) or by
 * name/phone text. Works on sub-account and agency connections.
 */
export const findUser = searchAction({
  key: 'find_user',
  noun: 'User',
  label: 'Find User',
  description: 'Finds a user of your location by ID, email, or name.',
  endpoint: usersApi.getUser,
  alsoCalls: [usersApi.searchUsers],
  fields: [
    { key: 'userId', label: 'User ID', helpText: 'Find the user with exactly this ID.', schema: v.id() },
    { key: 'email', label: 'Email', helpText: 'Find the user with this email address.', schema: v.email() },
    { key: 'query', label: 'Search Text', helpText: "Text matched against the user's full name, email or phone.", schema: v.text(100) },
  ],
  fillInOneOf: ['userId', 'email', 'query'],
  perform: async (input, ctx): Promise<Item[]> => {
    if (input.userId) {
      const data = await ctx.call(usersApi.getUser, { path: { userId: input.userId } }, { notFoundAsNull: true });
      return data?.id ? [data] : [];
    }
    const text = input.email ?? input.query;
    const data = await ctx.call(usersApi.searchUsers, { query: { query: text, limit: '25', skip: '0' } });
    const users = ((data?.users ?? []) as Item[]).filter((u) => u && u.id);
    return input.email ? users.filter((u) => sameEmail(u.email, input.email)) : users;
  },
  sample: userSample,
  outputFields: userOutputFields,
});

/** Agency connections only (HighLevel's filter-by-email accepts agency tokens alone): users of the whole agency. */
export const findUsersByEmail = searchAction({
  key: 'find_users_by_email',
  noun: 'User',
  label: 'Find Agency Users by Email',
  description: 'Finds agency-wide users by one or more email addresses (needs an agency connection).',
  endpoint: usersApi.filterUsersByEmail,
  fields: [
    {
      key: 'emails',
      label: 'Emails',
      helpText: 'The email addresses to look up: one per line, or several separated by commas.',
      schema: v.stringList(v.email()),
      required: true,
      list: true,
    },
    {
      key: 'includeDeleted',
      label: 'Include Deleted Users',
      helpText: 'Yes also returns users that were deleted.',
      schema: v.bool(),
      type: 'boolean',
    },
  ],
  // `projection: all` returns whole users (HighLevel's default is only id and email).
  request: (input) => ({ body: { emails: input.emails.join(','), projection: 'all', ...(input.includeDeleted ? { deleted: true } : {}) } }),
  results: (data) => ((data?.users ?? []) as Item[]).filter((u) => u && u.id),
  sample: userSample,
  outputFields: userOutputFields,
});
