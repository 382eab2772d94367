import { assertLocation, ok, Route } from './route';

export const userRoutes: Route[] = [
  {
    method: 'GET',
    path: '/users/',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      return ok({ users: state.usersOf(req.locationId) });
    },
  },
];
