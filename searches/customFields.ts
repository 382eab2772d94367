import { customFieldOperationsApi } from '../src/api/customFieldsApi';
import { Item } from '../src/factories/operation';
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
    { key: 'name', label: 'Name', helpText: 'The custom field name (or field key, e.g. contact.water_heater_age). Case does not matter.', schema: v.text(200) },
    {
      key: 'model',
      label: 'Object',
      helpText: 'Only contact fields or only opportunity fields (default: both).',
      schema: v.oneOf(customFieldModels),
      choices: { contact: 'Contact', opportunity: 'Opportunity' },
    },
  ],
  perform: async (input, ctx): Promise<Item[]> => {
    if (input.customFieldId) {
      const data = await ctx.call(customFieldOperationsApi.getCustomField, { path: { id: input.customFieldId } }, { notFoundAsNull: true });
      return data?.customField ? [data.customField] : [];
    }
    if (!input.name) throw new ctx.z.errors.Error('Find Custom Field: fill in Custom Field ID or Name.', 'InvalidInput', 400);
    const data = await ctx.call(customFieldOperationsApi.listCustomFields, { query: { model: input.model ?? 'all' } });
    const wanted = String(input.name).toLowerCase();
    const fields = ((data?.customFields ?? []) as Item[]).filter((f) => f?.id);
    const exact = fields.filter((f) => [f.name, f.fieldKey].some((n) => typeof n === 'string' && n.toLowerCase() === wanted));
    return exact.length ? exact : fields.filter((f) => typeof f.name === 'string' && f.name.toLowerCase().includes(wanted));
  },
  sample: customFieldSample,
  sampleAnswer: { customFields: [customFieldSample] },
  outputFields: customFieldOutputFields,
});
