import { OutputField } from '../factories/operation';
import { FieldDef } from './field';
import * as v from './values';

export const formIdField: FieldDef = {
  key: 'formId',
  label: 'Form',
  helpText: 'The HighLevel form. Pick one from the list, or map a form ID.',
  schema: v.id(),
  dynamic: 'form_list.id.name',
};

export const surveyIdField: FieldDef = {
  key: 'surveyId',
  label: 'Survey',
  helpText: 'The HighLevel survey. Pick one from the list, or map a survey ID.',
  schema: v.id(),
  dynamic: 'survey_list.id.name',
};

/** Find Form Submissions: what HighLevel's `q`, `startAt` and `endAt` filter by. */
export const submissionSearchFields: FieldDef[] = [
  {
    key: 'q',
    label: 'Contact, Name, Email or Phone',
    helpText: "Find submissions by the submitter's contact ID, name, email address or phone number (HighLevel's own filter).",
    schema: v.text(200),
  },
  {
    key: 'startAt',
    label: 'Submitted On or After',
    helpText: 'Only submissions made on or after this date, e.g. 2026-03-01. HighLevel reads the last month when this is empty.',
    schema: v.date(),
    type: 'datetime',
  },
  {
    key: 'endAt',
    label: 'Submitted On or Before',
    helpText: 'Only submissions made on or before this date, e.g. 2026-03-31. Default: today.',
    schema: v.date(),
    type: 'datetime',
  },
];

/** What HighLevel answers for a form submission (FormsSubmissionsSubmissionsSchema), custom field answers keyed by id. */
export const formSubmissionRecord = {
  id: '38303ec7-629a-49e2-888a-cf8bf0b1f97e',
  contactId: 'DWQ45t2IPVxi9LDu1wBl',
  createdAt: '2026-03-09T14:07:04.000Z',
  formId: 'YSWdvS4Is98wtIDGnpmI',
  name: 'Rosa Delgado',
  email: 'rosa@example.com',
  others: {
    first_name: 'Rosa',
    last_name: 'Delgado',
    email: 'rosa@example.com',
    phone: '+15550100199',
    UbgpxqZ1wDlY8NrDhR4T: 'Kitchen remodel, about 5,000 USD',
    fieldsOriSequance: ['first_name', 'last_name', 'email', 'phone', 'UbgpxqZ1wDlY8NrDhR4T'],
    eventData: {
      page: { url: 'https://delgado-plumbing.example.com/quote', title: 'Get a Quote' },
      source: 'Direct traffic',
      referrer: 'https://www.google.com/',
      medium: 'form',
      timestamp: 1773065224000,
    },
  },
};

/** The custom field the sample's answer belongs to (a contact custom field, as locations.json lists it). */
export const sampleAnswerField = {
  id: 'UbgpxqZ1wDlY8NrDhR4T',
  name: 'Project Details',
  fieldKey: 'contact.project_details',
  dataType: 'LARGE_TEXT',
};

const answersSample = {
  first_name: 'Rosa',
  last_name: 'Delgado',
  email: 'rosa@example.com',
  phone: '+15550100199',
  custom_project_details: 'Kitchen remodel, about 5,000 USD',
};
const answersText =
  'First Name: Rosa\nLast Name: Delgado\nEmail: rosa@example.com\nPhone: +15550100199\nProject Details: Kitchen remodel, about 5,000 USD';
const pageSample = {
  pageUrl: 'https://delgado-plumbing.example.com/quote',
  pageTitle: 'Get a Quote',
  source: 'Direct traffic',
  referrer: 'https://www.google.com/',
};

/** A form submission as the steps output it (src/api/forms.ts labelledSubmission). */
export const formSubmissionSample = (() => {
  const { others: _others, ...record } = formSubmissionRecord;
  return { ...record, formName: 'Get a Quote', answers: answersSample, answersText, ...pageSample };
})();

/** What HighLevel answers for a survey submission (SubmissionSchema). */
export const surveySubmissionRecord = {
  id: 'be759b9a-c3ec-4b29-ba07-fc3c89c77673',
  contactId: '9NkT25Vor1v4aQatFsv2',
  createdAt: '2026-03-09T15:02:21.000Z',
  surveyId: 'jjusM6EOngDExnbo2DbU',
  name: 'Rosa Delgado',
  email: 'rosa@example.com',
  others: { ...formSubmissionRecord.others, eventData: { ...formSubmissionRecord.others.eventData, medium: 'survey' } },
};

export const surveySubmissionSample = (() => {
  const { others: _others, ...record } = surveySubmissionRecord;
  return { ...record, surveyName: 'Project Intake', answers: answersSample, answersText, ...pageSample };
})();

const submissionOutput = (kind: 'Form' | 'Survey'): OutputField[] => [
  { key: 'id', label: 'Submission ID' },
  { key: 'createdAt', label: 'Submitted At', type: 'datetime' },
  { key: `${kind.toLowerCase()}Id`, label: `${kind} ID` },
  { key: `${kind.toLowerCase()}Name`, label: `${kind} Name` },
  { key: 'contactId', label: 'Contact ID' },
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'Email' },
  { key: 'answersText', label: 'All Answers (Text)' },
  { key: 'pageUrl', label: 'Page URL' },
  { key: 'pageTitle', label: 'Page Title' },
  { key: 'source', label: 'Source' },
  { key: 'referrer', label: 'Referrer' },
];

export const formSubmissionOutputFields = submissionOutput('Form');
export const surveySubmissionOutputFields = submissionOutput('Survey');

export const formSample = { id: 'YSWdvS4Is98wtIDGnpmI', name: 'Get a Quote', locationId: 've9EPM428h8vShlRW1KT' };
export const surveySample = { id: 'jjusM6EOngDExnbo2DbU', name: 'Project Intake', locationId: 've9EPM428h8vShlRW1KT' };
