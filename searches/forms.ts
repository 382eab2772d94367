import { allSubmissions, answerOutputFields, formsApi, labelledAnswers, withOutputFieldsFunction } from '../src/api/forms';
import { searchAction } from '../src/factories/search';
import { relabel } from '../src/fields/field';
import { collectPages } from '../src/client';
import { matchByName } from '../src/factories/nameSearch';
import { records } from '../src/factories/operation';
import {
  formIdField,
  formSample,
  formSubmissionOutputFields,
  formSubmissionRecord,
  formSubmissionSample,
  submissionSearchFields,
  surveySample,
} from '../src/fields/form';
import * as v from '../src/fields/values';

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

/**
 * Find Form / Find Survey for the form and survey dropdowns: every page of `GET /forms/` (`GET /surveys/`), 50 a
 * page (the spec's maximum), then the name matched as searches/lists.ts does (exact first, else containing it).
 */
function findParent(kind: 'form' | 'survey') {
  const noun = kind === 'form' ? 'Form' : 'Survey';
  const api = kind === 'form' ? formsApi.listForms : formsApi.listSurveys;
  const listKey = kind === 'form' ? 'forms' : 'surveys';
  const sample = kind === 'form' ? formSample : surveySample;
  return searchAction({
    key: `find_${kind}`,
    noun,
    label: `Find ${noun}`,
    description: `Finds a ${kind} of your location by its name.`,
    endpoint: api,
    fields: [
      {
        key: 'name',
        label: `${noun} Name`,
        helpText: `The ${kind}'s name, e.g. "${sample.name}". Case does not matter; an exact name wins over names that merely contain the text.`,
        schema: v.text(200),
        required: true,
      },
    ],
    perform: async (input, ctx) => {
      const all = await collectPages(0, async (skip: number) => {
        const data = await ctx.call(api, { query: { skip: String(skip), limit: String(PAGE) } });
        const items = records(data?.[listKey]);
        return { items, next: items.length < PAGE ? undefined : skip + PAGE };
      });
      return matchByName(all, input.name);
    },
    sample,
    sampleAnswer: { [listKey]: [sample], total: 1 },
    outputFields: [
      { key: 'id', label: `${noun} ID` },
      { key: 'name', label: `${noun} Name` },
    ],
  });
}

const PAGE = 50;
export const findForm = findParent('form');
export const findSurvey = findParent('survey');
