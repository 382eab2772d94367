import type { Context, Item } from '../factories/operation';
import { endpoint } from './endpoint';

// A location's custom values (the {{ custom_values.x }} merge fields of its templates) and its tags (locations.json).
// The by-id operations declare no security in the spec: contract/deviations-money.ts requires the token and names
// the scope of their siblings.
export const customValuesApi = {
  list: endpoint('locations.json', 'GET /locations/{locationId}/customValues', {
    operationId: 'get-custom-values',
    scope: 'locations/customValues.readonly',
  }),
  get: endpoint('locations.json', 'GET /locations/{locationId}/customValues/{id}', {
    operationId: 'get-custom-value',
    scope: 'locations/customValues.readonly',
  }),
  create: endpoint('locations.json', 'POST /locations/{locationId}/customValues', {
    operationId: 'create-custom-value',
    scope: 'locations/customValues.write',
  }),
  update: endpoint('locations.json', 'PUT /locations/{locationId}/customValues/{id}', {
    operationId: 'update-custom-value',
    scope: 'locations/customValues.write',
  }),
};

export const tagsApi = {
  list: endpoint('locations.json', 'GET /locations/{locationId}/tags', {
    operationId: 'get-location-tags',
    scope: 'locations/tags.readonly',
  }),
  create: endpoint('locations.json', 'POST /locations/{locationId}/tags', { operationId: 'create-tag', scope: 'locations/tags.write' }),
  update: endpoint('locations.json', 'PUT /locations/{locationId}/tags/{tagId}', {
    operationId: 'update-tag',
    scope: 'locations/tags.write',
  }),
  remove: endpoint('locations.json', 'DELETE /locations/{locationId}/tags/{tagId}', {
    operationId: 'delete-tag',
    scope: 'locations/tags.write',
  }),
};

/** Every custom value of the location (HighLevel answers them all at once): `{ id, name, fieldKey, value }`. */
export async function allCustomValues(ctx: Context): Promise<Item[]> {
  const data = await ctx.call(customValuesApi.list);
  return ((data?.customValues ?? []) as Item[]).filter((c) => c && typeof c === 'object' && c.id);
}
