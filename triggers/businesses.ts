import { businessesApi } from '../src/api/businesses';
import { dropdownTrigger } from '../src/factories/dropdown';
import { pollingTrigger } from '../src/factories/trigger';
import { allBusinesses } from '../src/domains/businesses';
import { businessOutputFields, businessSample } from '../src/fields/business';

/**
 * New Business. `GET /businesses/` has no sort parameter, so one poll reads the businesses page by page and
 * orders them by `createdAt`, newest first; Zapier's dedupe on `id` picks out the new ones.
 */
export const newBusinessTrigger = pollingTrigger({
  key: 'new_business',
  noun: 'Business',
  label: 'New Business',
  description: 'Triggers when a new business (company record) is added to your HighLevel location.',
  endpoint: businessesApi.listBusinesses,
  fields: [],
  perform: async (_input, ctx) => allBusinesses(ctx),
  newestFirst: (b) => b.createdAt,
  resultKey: 'businesses',
  sample: businessSample,
  outputFields: businessOutputFields,
});

const DROPDOWN_PAGE = 50;

export const businessDropdown = dropdownTrigger({
  key: 'business_list',
  noun: 'Business',
  endpoint: businessesApi.listBusinesses,
  request: (_input, { page }) => ({ query: { limit: String(DROPDOWN_PAGE), skip: String(page * DROPDOWN_PAGE) } }),
  resultKey: 'businesses',
  label: (b) => [b.name || b.id, b.city].filter(Boolean).join(', '),
  sample: { id: businessSample.id, name: businessSample.name, locationId: businessSample.locationId },
});
