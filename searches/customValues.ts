import { allCustomValues, customValuesApi } from '../src/api/customValues';
import { matchByName } from '../src/factories/nameSearch';
import { searchAction } from '../src/factories/search';
import { customValueOutputFields, customValueSample } from '../src/fields/customValue';
import * as v from '../src/fields/values';

const norm = (s: unknown) =>
  String(s ?? '')
    .trim()
    .toLowerCase();

/** Find Custom Value: by ID, else by name or merge field over the location's custom values (listed whole). */
export const findCustomValue = searchAction({
  key: 'find_custom_value',
  noun: 'Custom Value',
  label: 'Find Custom Value',
  description: 'Finds a custom value by its name or merge field (e.g. {{ custom_values.booking_link }}), or by ID, to use its value.',
  endpoint: customValuesApi.list,
  alsoCalls: [customValuesApi.get],
  fields: [
    {
      key: 'name',
      label: 'Name or Merge Field',
      helpText:
        'The name ("Booking Link") or the merge field ({{ custom_values.booking_link }}). Case does not matter; an exact match wins.',
      schema: v.text(200),
    },
    { key: 'customValueId', label: 'Custom Value ID', helpText: 'Find the custom value with exactly this ID.', schema: v.id() },
  ],
  perform: async (input, ctx) => {
    if (input.customValueId) {
      const data = await ctx.call(customValuesApi.get, { path: { id: input.customValueId } }, { notFoundAsNull: true });
      return data?.customValue?.id ? [data.customValue] : [];
    }
    if (!input.name)
      throw new ctx.z.errors.Error('Find Custom Value: fill in Name or Merge Field, or Custom Value ID.', 'InvalidInput', 400);
    const all = await allCustomValues(ctx);
    const exact = matchByName(all, input.name).filter((c) => norm(c.name) === norm(input.name));
    if (exact.length) return exact;
    const byMergeField = all.filter((c) => norm(c.fieldKey) === norm(input.name));
    return byMergeField.length ? byMergeField : matchByName(all, input.name);
  },
  resultKey: 'customValue',
  sample: customValueSample,
  sampleAnswer: { customValues: [customValueSample] },
  outputFields: customValueOutputFields,
});
