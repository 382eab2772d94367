import { assertLocation, fail, ok, Route } from './route';

export const locationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/locations/{locationId}',
    handle(req, state) {
      assertLocation(req, req.params.locationId);
      const location = state.locations.get(req.params.locationId) ?? fail(404, 'Location not found');
      return ok({ location });
    },
  },
];
