import { customFieldOperationsApi } from '../src/api/customFieldsApi';
import { Item } from '../src/factories/operation';
import { matchByName } from '../src/factories/nameSearch';
import { searchAction } from '../src/factories/search';
import { customFieldModels, customFieldOutputFields, customFieldSample } from '../src/fields/customField';
import * as v from '../src/fields/values';

export const findCustomField = searchAction({
  key: 'find_custom_field',
  noun: 'Custom Field',
  label: 'Find Custom Field',
  description: 'Finds a contact or opportunity custom field by its ID, name or field key.',
  endpoint: customFieldOperationsApi.listCustomFields,
  alsoCalls: [customFieldOperationsApi.getCustomField],
  fields: [
    { key: 'customFieldId', label: 'Custom Field ID', helpText: 'Find the custom field with exactly this ID.', schema: v.id() },
    {
      key: 'name',
      label: 'Name',
      helpText: 'The custom field name (or field key, e.g. contact.water_heater_age). Case does not matter.',
      schema: v.text(200),
    },
    {
      key: 'model',
      label: 'Object',
      helpText: 'Only contact fields or only opportunity fields (default: both).',
      schema: v.oneOf(customFieldModels),
      choices: { contact: 'Contact', opportunity: 'Opportunity' },
    },
  ],
  fillInOneOf: ['customFieldId', 'name'],
  perform: async (input, ctx): Promise<Item[]> => {
    if (input.customFieldId) {
      const data = await ctx.call(customFieldOperationsApi.getCustomField, { path: { id: input.customFieldId } }, { notFoundAsNull: true });
      return data?.customField ? [data.customField] : [];
    }
    const data = await ctx.call(customFieldOperationsApi.listCustomFields, { query: { model: input.model ?? 'all' } });
    const fields = ((data?.customFields ?? []) as Item[]).filter((f) => f?.id);
    return matchByName(fields, input.name, (f) => [f.name, f.fieldKey]);
  },
  sample: customFieldSample,
  sampleAnswer: { customFields: [customFieldSample] },
  outputFields: customFieldOutputFields,
});
