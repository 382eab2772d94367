import { customValuesApi, tagsApi } from '../src/api/customValues';
import { createAction } from '../src/factories/create';
import { deleteAction } from '../src/factories/delete';
import { required } from '../src/fields/field';
import {
  customValueIdField,
  customValueNameField,
  customValueOutputFields,
  customValueSample,
  customValueValueField,
  locationTagIdField,
  tagOutputFields,
  tagSample,
} from '../src/fields/customValue';
import * as v from '../src/fields/values';

const customValueOf = (data: any) => data?.customValue ?? {};

export const createCustomValue = createAction({
  key: 'create_custom_value',
  noun: 'Custom Value',
  label: 'Create Custom Value',
  description: 'Creates a custom value: a merge field your templates, funnels and workflows can use.',
  endpoint: customValuesApi.create,
  fields: [required(customValueNameField), required(customValueValueField)],
  request: (input) => ({ body: { name: input.name, value: input.value } }),
  unsaved: { name: 'text', value: 'text' },
  result: customValueOf,
  resultKey: 'customValue',
  sample: customValueSample,
  outputFields: customValueOutputFields,
});

/**
 * Update Custom Value. HighLevel's update needs both name and value (customValuesDTO): a name left empty is
 * read from the custom value first, so a zap can change only the value.
 */
export const updateCustomValue = createAction({
  key: 'update_custom_value',
  noun: 'Custom Value',
  label: 'Update Custom Value',
  description: "Changes a custom value's value (and optionally its name), e.g. this week's promo code everywhere it is used.",
  endpoint: customValuesApi.update,
  alsoCalls: [customValuesApi.get],
  fields: [
    customValueIdField,
    required(customValueValueField),
    { ...customValueNameField, helpText: 'A new name, if it should change. Leave empty to keep the name.' },
  ],
  unsaved: { name: 'text', value: 'text' },
  perform: async (input, ctx) => {
    let name = input.name;
    if (!name) {
      const current = await ctx.call(customValuesApi.get, { path: { id: input.customValueId } });
      name = current?.customValue?.name;
      if (!name)
        throw new ctx.z.errors.Error(
          `Update Custom Value: HighLevel did not return the name of custom value ${input.customValueId}; fill in Name (name).`,
          'InvalidInput',
          400,
        );
    }
    return customValueOf(await ctx.call(customValuesApi.update, { path: { id: input.customValueId }, body: { name, value: input.value } }));
  },
  resultKey: 'customValue',
  sample: customValueSample,
  outputFields: customValueOutputFields,
});

const tagNameField = {
  key: 'name',
  label: 'Tag Name',
  helpText: 'The tag as contacts will carry it, e.g. "vip" or "webinar-2026".',
  schema: v.text(100),
  required: true,
};

export const createTag = createAction({
  key: 'create_tag',
  noun: 'Tag',
  label: 'Create Tag',
  description: "Creates a tag in the location's tag list (to add a tag to a contact, use Add Tags to Contact).",
  endpoint: tagsApi.create,
  fields: [tagNameField],
  unsaved: { name: 'text' },
  request: (input) => ({ body: { name: input.name } }),
  result: (data) => data?.tag ?? {},
  resultKey: 'tag',
  sample: tagSample,
  outputFields: tagOutputFields,
});

export const updateTag = createAction({
  key: 'update_tag',
  noun: 'Tag',
  label: 'Update Tag',
  description: 'Renames a tag of the location.',
  endpoint: tagsApi.update,
  fields: [locationTagIdField, { ...tagNameField, label: 'New Tag Name', helpText: 'The new name of the tag.' }],
  unsaved: { name: 'text' },
  request: (input) => ({ path: { tagId: input.tagId }, body: { name: input.name } }),
  result: (data) => data?.tag ?? {},
  resultKey: 'tag',
  sample: tagSample,
  outputFields: tagOutputFields,
});

export const deleteTag = deleteAction({
  key: 'delete_tag',
  noun: 'Tag',
  description: "Deletes a tag from the location's tag list.",
  endpoint: tagsApi.remove,
  fields: [locationTagIdField],
  idKey: 'tagId',
  answer: { succeded: true },
  sampleIds: { id: tagSample.id },
});
