import { customFieldOperationsApi } from '../src/api/customFieldsApi';
import { createAction } from '../src/factories/create';
import { deleteAction } from '../src/factories/delete';
import {
  customFieldIdField,
  customFieldModels,
  customFieldOutputFields,
  customFieldSample,
  folderIdField,
  folderOutputFields,
  folderSample,
  objectKeyField,
} from '../src/fields/customField';
import { FieldDef } from '../src/fields/field';
import * as v from '../src/fields/values';

const text = (key: string, label: string, helpText: string, max = 200): FieldDef => ({ key, label, helpText, schema: v.text(max) });

// Data types that need no options list: the options of choice fields are not part of the declared body.
const dataTypes = ['TEXT', 'LARGE_TEXT', 'NUMERICAL', 'MONETORY', 'PHONE', 'EMAIL', 'DATE'] as const;
const dataTypeLabels: Record<(typeof dataTypes)[number], string> = {
  TEXT: 'Single Line Text',
  LARGE_TEXT: 'Multi Line Text',
  NUMERICAL: 'Number',
  MONETORY: 'Monetary Amount',
  PHONE: 'Phone',
  EMAIL: 'Email',
  DATE: 'Date',
};
const modelField: FieldDef = {
  key: 'model',
  label: 'Object',
  helpText: 'Whether the field belongs to contacts or to opportunities (default: contact).',
  schema: v.oneOf(customFieldModels),
  choices: { contact: 'Contact', opportunity: 'Opportunity' },
};
const placeholderField = text('placeholder', 'Placeholder', 'Hint shown inside the empty field, e.g. "Years".');
const customFieldResult = (data: any) => data.customField ?? {};

export const createCustomField = createAction({
  key: 'create_custom_field',
  noun: 'Custom Field',
  label: 'Create Custom Field',
  description: 'Creates a contact or opportunity custom field in your location.',
  endpoint: customFieldOperationsApi.createCustomField,
  fields: [
    {
      key: 'name',
      label: 'Name',
      helpText: 'The name of the field as shown in HighLevel, e.g. Water Heater Age.',
      schema: v.text(200),
      required: true,
    },
    {
      key: 'dataType',
      label: 'Data Type',
      helpText: 'What the field holds. Choice fields (dropdowns, checkboxes) need their options set in HighLevel.',
      schema: v.oneOf(dataTypes),
      required: true,
      choices: dataTypeLabels,
    },
    modelField,
    placeholderField,
  ],
  result: customFieldResult,
  sample: customFieldSample,
  sampleAnswer: { customField: customFieldSample },
  outputFields: customFieldOutputFields,
});

export const updateCustomField = createAction({
  key: 'update_custom_field',
  noun: 'Custom Field',
  label: 'Update Custom Field',
  description: 'Renames a custom field or changes its placeholder.',
  endpoint: customFieldOperationsApi.updateCustomField,
  fields: [
    customFieldIdField,
    {
      key: 'name',
      label: 'Name',
      helpText: 'The new name of the field (HighLevel requires it on every update).',
      schema: v.text(200),
      required: true,
    },
    placeholderField,
  ],
  pathFrom: { id: 'customFieldId' },
  result: customFieldResult,
  sample: customFieldSample,
  sampleAnswer: { customField: customFieldSample },
  outputFields: customFieldOutputFields,
});

export const deleteCustomField = deleteAction({
  key: 'delete_custom_field',
  noun: 'Custom Field',
  description: 'Deletes a custom field and the values stored in it.',
  endpoint: customFieldOperationsApi.deleteCustomField,
  fields: [customFieldIdField],
  pathFrom: { id: 'customFieldId' },
  idKey: 'customFieldId',
  answer: { succeded: true },
  sampleIds: { id: '3sv6UEo51C9Bmpo1cKTq' },
});

const folderNameField: FieldDef = {
  key: 'name',
  label: 'Folder Name',
  helpText: 'The name of the folder, e.g. Inspection Details.',
  schema: v.text(200),
  required: true,
};
const folderChoice: FieldDef = {
  ...objectKeyField,
  required: false,
  helpText: "Optional: the custom object's key, to pick the folder from a list.",
};

export const createCustomFieldFolder = createAction({
  key: 'create_custom_field_folder',
  noun: 'Custom Field Folder',
  label: 'Create Custom Field Folder',
  description: "Creates a folder to group a custom object's fields.",
  endpoint: customFieldOperationsApi.createFolder,
  fields: [objectKeyField, folderNameField],
  sample: folderSample,
  outputFields: folderOutputFields,
});

export const updateCustomFieldFolder = createAction({
  key: 'update_custom_field_folder',
  noun: 'Custom Field Folder',
  label: 'Rename Custom Field Folder',
  description: 'Renames a folder of custom object fields.',
  endpoint: customFieldOperationsApi.updateFolder,
  fields: [folderChoice, folderIdField, { ...folderNameField, helpText: 'The new name of the folder.' }],
  request: (input) => ({ path: { id: input.folderId }, body: { name: input.name } }),
  sample: folderSample,
  outputFields: folderOutputFields,
});

export const deleteCustomFieldFolder = deleteAction({
  key: 'delete_custom_field_folder',
  noun: 'Custom Field Folder',
  description: 'Deletes a folder of custom object fields.',
  endpoint: customFieldOperationsApi.deleteFolder,
  fields: [folderChoice, folderIdField],
  request: (input) => ({ path: { id: input.folderId } }),
  idKey: 'folderId',
  answer: { succeded: true, id: '3v34PM428h8vShlRW1KT', key: 'custom_objects.properties.inspection_details' },
});
