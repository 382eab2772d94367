import { endpoint } from './endpoint';

// Users (users.json). Search, email filter and create need the connection's company id (see `companyIn`).
const read = 'users.readonly';
const write = 'users.write';

export const usersApi = {
  listUsersByLocation: endpoint('users.json', 'GET /users/', { operationId: 'get-user-by-location', scope: read, locationIn: 'query' }),
  searchUsers: endpoint('users.json', 'GET /users/search', {
    operationId: 'search-users',
    scope: read,
    locationIn: 'query',
    companyIn: 'query',
  }),
  /** Agency tokens only (the spec declares Agency-Access alone). */
  filterUsersByEmail: endpoint('users.json', 'POST /users/search/filter-by-email', {
    operationId: 'filter-users-by-email',
    scope: read,
    companyIn: 'body',
    agencyOnly: true,
  }),
  getUser: endpoint('users.json', 'GET /users/{userId}', { operationId: 'get-user', scope: read }),
  createUser: endpoint('users.json', 'POST /users/', { operationId: 'create-user', scope: write, companyIn: 'body' }),
  updateUser: endpoint('users.json', 'PUT /users/{userId}', { operationId: 'update-user', scope: write }),
  deleteUser: endpoint('users.json', 'DELETE /users/{userId}', { operationId: 'delete-user', scope: write }),
};
