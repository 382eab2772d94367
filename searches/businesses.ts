import { businessesApi } from '../src/api/businesses';
import { allBusinesses } from '../src/domains/businesses';
import { matchByName } from '../src/factories/nameSearch';
import { Item } from '../src/factories/operation';
import { searchAction } from '../src/factories/search';
import { businessOutputFields, businessSample } from '../src/fields/business';
import * as v from '../src/fields/values';

/** Find Business: by ID (`GET /businesses/{businessId}`), else by name over the location's businesses. */
export const findBusiness = searchAction({
  key: 'find_business',
  noun: 'Business',
  label: 'Find Business',
  description: 'Finds a business (company record) by ID or by name.',
  endpoint: businessesApi.getBusiness,
  alsoCalls: [businessesApi.listBusinesses],
  fields: [
    { key: 'businessId', label: 'Business ID', helpText: 'Find the business with exactly this ID.', schema: v.id() },
    {
      key: 'name',
      label: 'Business Name',
      helpText: 'Find the business with this name (case does not matter; an exact name wins over names containing the text).',
      schema: v.text(200),
    },
  ],
  fillInOneOf: ['businessId', 'name'],
  perform: async (input, ctx): Promise<Item[]> => {
    if (input.businessId) {
      const data = await ctx.call(businessesApi.getBusiness, { path: { businessId: input.businessId } }, { notFoundAsNull: true });
      return data?.business ? [data.business] : [];
    }
    return matchByName(
      (await allBusinesses(ctx)).filter((b) => b.id),
      input.name,
    );
  },
  resultKey: 'business',
  sample: businessSample,
  outputFields: businessOutputFields,
});
