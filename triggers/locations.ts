import { locationsApi } from '../src/api/locations';
import { isAgencyConnection } from '../src/connection';
import { Item } from '../src/factories/operation';
import { pollingTrigger } from '../src/factories/trigger';
import { locationOutputFields, locationSample } from '../src/fields/location';

const DROPDOWN_PAGE = 50;

/** New Location (agency): one request per poll; HighLevel sorts the location search, `order=desc` newest first. */
export const newLocationTrigger = pollingTrigger({
  key: 'new_location',
  noun: 'Location',
  label: 'New Location',
  description: 'Triggers when a new sub-account (location) is created in your agency. Needs an agency connection.',
  endpoint: locationsApi.searchLocations,
  fields: [],
  request: (_input, { limit, page }) => ({ query: { order: 'desc', skip: String(page * limit), limit: String(limit) } }),
  // Locations in the search answer carry no creation date: the previous poll's first page (ids) marks where to stop.
  serverSorted: {},
  resultKey: 'locations',
  sample: locationSample,
  outputFields: locationOutputFields,
});

/**
 * The Location dropdown. On an agency connection: the agency's locations, page by page. On a sub-account
 * connection there is only the connected location (the search needs an agency token), read by ID.
 */
export const locationDropdown = pollingTrigger({
  key: 'location_list',
  noun: 'Location',
  label: 'List Locations',
  description: 'Lists sub-accounts (locations) for dropdowns.',
  hidden: true,
  agencyOnly: false,
  endpoint: locationsApi.searchLocations,
  alsoCalls: [locationsApi.getLocation],
  fields: [],
  perform: async (_input, ctx) => {
    const named = (l: Item) => ({ ...l, name: l.name || l.id });
    if (!isAgencyConnection(ctx.bundle)) {
      if (ctx.page > 0) return [];
      const data = await ctx.call(locationsApi.getLocation);
      return data?.location ? [named(data.location)] : [];
    }
    const data = await ctx.call(locationsApi.searchLocations, {
      query: { order: 'asc', skip: String(ctx.page * DROPDOWN_PAGE), limit: String(DROPDOWN_PAGE) },
    });
    return ((data?.locations ?? []) as Item[]).map(named);
  },
  resultKey: 'locations',
  sample: locationSample,
  zapier: { canPaginate: true },
});
