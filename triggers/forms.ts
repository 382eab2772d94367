import {
  allSubmissions,
  answerOutputFields,
  formsApi,
  labelledAnswers,
  pollSubmissions,
  SubmissionKind,
  withOutputFieldsFunction,
} from '../src/api/forms';
import { dropdownTrigger } from '../src/factories/dropdown';
import { Input, Operation } from '../src/factories/operation';
import { PollContext, pollingTrigger } from '../src/factories/trigger';
import { FieldDef, relabel } from '../src/fields/field';
import {
  formIdField,
  formSample,
  formSubmissionOutputFields,
  formSubmissionRecord,
  formSubmissionSample,
  surveyIdField,
  surveySample,
  surveySubmissionOutputFields,
  surveySubmissionRecord,
  surveySubmissionSample,
} from '../src/fields/form';

/**
 * One poll: the submissions that arrived since the previous poll (pollSubmissions), newest first. Loading a sample in
 * the editor reads HighLevel's default window (the last month) instead, so a quiet form still shows a real submission.
 */
const poll = (kind: SubmissionKind, parentKey: string) => (input: Input, ctx: PollContext) => {
  const sampling = Boolean((ctx.bundle.meta as { isLoadingSample?: boolean } | undefined)?.isLoadingSample);
  return sampling
    ? allSubmissions(ctx, kind, { parentId: input[parentKey] }, 10)
    : pollSubmissions(ctx, kind, input[parentKey], `new_${kind}_submission`);
};

function submissionTrigger(kind: SubmissionKind): Operation {
  const noun = kind === 'form' ? 'Form' : 'Survey';
  const field: FieldDef = relabel(
    kind === 'form' ? formIdField : surveyIdField,
    noun,
    `Only submissions of this ${kind}. Leave empty for every ${kind} of the location.`,
  );
  const record = kind === 'form' ? formSubmissionRecord : surveySubmissionRecord;
  const op = pollingTrigger({
    key: `new_${kind}_submission`,
    noun: `${noun} Submission`,
    label: `New ${noun} Submission`,
    description:
      `Triggers when someone submits a ${kind} (one ${kind}, or any). HighLevel sends no event for ${kind} submissions, ` +
      `so Zapier checks for new ones; each answer comes labelled with its field's name.`,
    endpoint: kind === 'form' ? formsApi.listFormSubmissions : formsApi.listSurveySubmissions,
    fields: [field],
    perform: poll(kind, field.key),
    newestFirst: (s) => s.createdAt,
    resultKey: 'submissions',
    sample: kind === 'form' ? formSubmissionSample : surveySubmissionSample,
    sampleAnswer: { submissions: [record], meta: { total: 1, currentPage: 1, nextPage: null, prevPage: null } },
    outputFields: kind === 'form' ? formSubmissionOutputFields : surveySubmissionOutputFields,
    enrich: labelledAnswers(kind),
  });
  return withOutputFieldsFunction(op, answerOutputFields());
}

export const newFormSubmission = submissionTrigger('form');
export const newSurveySubmission = submissionTrigger('survey');

// GET /forms/ and /surveys/ page with skip and limit (at most 50 per page, their `limit` descriptions say).
const DROPDOWN_PAGE = 50;

export const formDropdown = dropdownTrigger({
  key: 'form_list',
  noun: 'Form',
  endpoint: formsApi.listForms,
  request: (_input, { page }) => ({ query: { limit: String(DROPDOWN_PAGE), skip: String(page * DROPDOWN_PAGE) } }),
  resultKey: 'forms',
  label: (f) => f.name,
  sample: formSample,
});

export const surveyDropdown = dropdownTrigger({
  key: 'survey_list',
  noun: 'Survey',
  endpoint: formsApi.listSurveys,
  request: (_input, { page }) => ({ query: { limit: String(DROPDOWN_PAGE), skip: String(page * DROPDOWN_PAGE) } }),
  resultKey: 'surveys',
  label: (s) => s.name,
  sample: surveySample,
});
