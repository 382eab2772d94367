import { customFieldOperationsApi } from '../src/api/customFieldsApi';
import { dropdownTrigger } from '../src/factories/dropdown';
import { folderSample, objectKeyField } from '../src/fields/customField';

/** The location's contact and opportunity custom fields (HighLevel returns them all at once, undated). */
export const customFieldDropdown = dropdownTrigger({
  key: 'custom_field_list',
  noun: 'Custom Field',
  endpoint: customFieldOperationsApi.listCustomFields,
  request: () => ({ query: { model: 'all' } }),
  paged: false,
  resultKey: 'customFields',
  label: (f) => `${f.name || f.fieldKey || f.id}${f.model ? ` (${f.model})` : ''}`,
  sample: {
    id: '3sv6UEo51C9Bmpo1cKTq',
    name: 'Water Heater Age (contact)',
    fieldKey: 'contact.water_heater_age',
    dataType: 'NUMERICAL',
    model: 'contact',
  },
});

/** The folders of a custom object's fields (returned with the fields, all at once). */
export const customFieldFolderDropdown = dropdownTrigger({
  key: 'custom_field_folder_list',
  noun: 'Custom Field Folder',
  endpoint: customFieldOperationsApi.listObjectFields,
  fields: [objectKeyField],
  paged: false,
  resultKey: 'folders',
  label: (f) => f.name || f.id,
  sample: folderSample,
  sampleAnswer: { fields: [], folders: [folderSample] },
});
