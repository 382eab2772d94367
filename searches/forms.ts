import { allSubmissions, answerOutputFields, formsApi, labelledAnswers, withOutputFieldsFunction } from '../src/api/forms';
import { searchAction } from '../src/factories/search';
import { relabel } from '../src/fields/field';
import {
  formIdField,
  formSubmissionOutputFields,
  formSubmissionRecord,
  formSubmissionSample,
  submissionSearchFields,
} from '../src/fields/form';

/** Find Form Submissions: HighLevel's own filters (contact/name/email/phone, form, dates), newest first. */
export const findFormSubmissions = withOutputFieldsFunction(
  searchAction({
    key: 'find_form_submission',
    noun: 'Form Submission',
    label: 'Find Form Submissions',
    description: "Finds a contact's form submissions (by contact ID, name, email or phone), optionally of one form and between two dates.",
    endpoint: formsApi.listFormSubmissions,
    fields: [...submissionSearchFields, relabel(formIdField, 'Form', 'Only submissions of this form. Leave empty to search every form.')],
    perform: async (input, ctx) => {
      if (!input.q && !input.formId) {
        throw new ctx.z.errors.Error('Find Form Submissions: fill in Contact, Name, Email or Phone, or pick a Form.', 'InvalidInput', 400);
      }
      if (input.startAt && input.endAt && input.startAt > input.endAt) {
        throw new ctx.z.errors.Error(
          'Find Form Submissions: Submitted On or After (startAt) is later than Submitted On or Before (endAt).',
          'InvalidInput',
          400,
        );
      }
      const found = await allSubmissions(ctx, 'form', { parentId: input.formId, q: input.q, startAt: input.startAt, endAt: input.endAt });
      return found.sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
    },
    resultKey: 'submissions',
    sample: formSubmissionSample,
    sampleAnswer: { submissions: [formSubmissionRecord], meta: { total: 1, currentPage: 1, nextPage: null, prevPage: null } },
    outputFields: formSubmissionOutputFields,
    enrich: labelledAnswers('form'),
  }),
  answerOutputFields(),
);
