import { usersApi } from '../src/api/users';
import { pollingTrigger } from '../src/factories/trigger';
import { userOutputFields, userSample } from '../src/fields/user';

/**
 * New User: one request per poll. `GET /users/search` sorts server-side (`sort=dateAdded`, the spec's example
 * sort field, `sortDirection=desc`); users carry no date in the answer, so Zapier's dedupe on `id` does the rest.
 * HighLevel requires the company id even with a sub-account token (the client adds it from the connection).
 */
export const newUserTrigger = pollingTrigger({
  key: 'new_user',
  noun: 'User',
  label: 'New User',
  description: 'Triggers when a new user is added to your HighLevel location.',
  endpoint: usersApi.searchUsers,
  fields: [],
  request: (_input, { limit, page }) => ({
    query: { sort: 'dateAdded', sortDirection: 'desc', limit: String(limit), skip: String(page * limit) },
  }),
  // Users carry no creation date: the previous poll's first page (ids) marks where to stop.
  serverSorted: {},
  resultKey: 'users',
  sample: userSample,
  outputFields: userOutputFields,
});
