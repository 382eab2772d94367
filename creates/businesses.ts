import { businessesApi } from '../src/api/businesses';
import { createAction } from '../src/factories/create';
import { deleteAction } from '../src/factories/delete';
import { required } from '../src/fields/field';
import { businessFields, businessIdField, businessOutputFields, businessSample } from '../src/fields/business';

const [name, ...details] = businessFields;
// HighLevel's create/update answer spells the record `buiseness` (as its spec does); accept the correct spelling too.
const businessOf = (data: any) => data.buiseness ?? data.business ?? {};

/** Create and Update answer alike (the business record) and take the same unsaved-field kinds. */
const answersBusiness = {
  result: businessOf,
  resultKey: 'buiseness',
  sample: businessSample,
  outputFields: businessOutputFields,
  unsaved: { name: 'text', phone: 'phone', email: 'email', website: 'text' },
} as const;

export const createBusiness = createAction({
  key: 'create_business',
  noun: 'Business',
  label: 'Create Business',
  description: 'Creates a business (company record) in your location.',
  endpoint: businessesApi.createBusiness,
  fields: [required(name), ...details],
  ...answersBusiness,
});

export const updateBusiness = createAction({
  key: 'update_business',
  noun: 'Business',
  label: 'Update Business',
  description: "Changes a business's details. Only the fields you fill in are changed.",
  endpoint: businessesApi.updateBusiness,
  fields: [businessIdField, ...businessFields],
  ...answersBusiness,
});

export const deleteBusiness = deleteAction({
  key: 'delete_business',
  noun: 'Business',
  description: 'Deletes a business. Its contacts are kept.',
  endpoint: businessesApi.deleteBusiness,
  fields: [businessIdField],
  idKey: 'businessId',
  answer: { success: true },
  sampleIds: { id: businessSample.id },
});
