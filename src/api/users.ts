import { endpoint } from './endpoint';

export const usersApi = {
  listUsersByLocation: endpoint('users.json', 'GET /users/', { operationId: 'get-user-by-location', scope: 'users.readonly', locationIn: 'query' }),
};
