import { allCustomValues, customValuesApi, tagsApi } from '../src/api/customValues';
import { Item } from '../src/factories/operation';
import { pollingTrigger } from '../src/factories/trigger';
import { customValueSample, tagSample } from '../src/fields/customValue';

// Both lists come whole in one answer: page 0 is the list, "load more" has nothing to add.

export const customValueDropdown = pollingTrigger({
  key: 'custom_value_list',
  noun: 'Custom Value',
  label: 'List Custom Values',
  description: 'Lists custom values for dropdowns.',
  hidden: true,
  endpoint: customValuesApi.list,
  fields: [],
  perform: async (_input, ctx) =>
    ctx.page > 0 ? [] : (await allCustomValues(ctx)).map((c) => ({ ...c, name: c.name || c.fieldKey || c.id })),
  resultKey: 'customValues',
  sample: customValueSample,
  zapier: { canPaginate: true },
});

/** The location's tags by id (the contact tag dropdown, `tag_list`, gives tag names: contacts carry names). */
export const locationTagDropdown = pollingTrigger({
  key: 'location_tag_list',
  noun: 'Tag',
  label: 'List Location Tags',
  description: 'Lists the location tags by ID for dropdowns.',
  hidden: true,
  endpoint: tagsApi.list,
  fields: [],
  perform: async (_input, ctx) => {
    if (ctx.page > 0) return [];
    const data = await ctx.call(tagsApi.list);
    return ((data?.tags ?? []) as Item[]).filter((t) => t && t.id && typeof t.name === 'string');
  },
  resultKey: 'tags',
  sample: tagSample,
  zapier: { canPaginate: true },
});
