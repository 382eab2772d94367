import nock from 'nock';
import * as searches from '../../searches/forms';
import * as triggers from '../../triggers/forms';
import { labelledSubmission, pollWindow } from '../../src/api/forms';
import { formSubmissionRecord, formSubmissionSample, sampleAnswerField, surveySubmissionRecord } from '../../src/fields/form';
import { AUTH, highlevel, run } from '../support/highlevel';

type Item = Record<string, any>;
const submission = (id: string, createdAt: string, extra: Item = {}) => ({ ...formSubmissionRecord, id, createdAt, ...extra });
const customFields = { customFields: [{ ...sampleAnswerField, locationId: AUTH.locationId, model: 'contact', position: 0 }] };
const forms = { forms: [{ id: formSubmissionRecord.formId, name: 'Get a Quote', locationId: AUTH.locationId }], total: 1 };

afterEach(() => nock.cleanAll());

describe('the poll window', () => {
  it('reaches two days back and a day ahead in UTC dates, whatever the time of day', () => {
    expect(pollWindow(Date.parse('2026-03-10T00:30:00Z'))).toEqual({ startAt: '2026-03-08', endAt: '2026-03-11' });
    expect(pollWindow(Date.parse('2026-03-10T23:59:00Z'))).toEqual({ startAt: '2026-03-08', endAt: '2026-03-11' });
  });
});

describe('New Form Submission', () => {
  const window = () => pollWindow(Date.now());

  it('one request when nothing new arrived: the window, one page of 100, nothing else read', async () => {
    const scope = highlevel()
      .get('/forms/submissions')
      .query({ locationId: AUTH.locationId, page: '1', limit: '100', ...window() })
      .reply(200, { submissions: [], meta: { total: 0, currentPage: 1, nextPage: null, prevPage: null } });
    expect(await run(triggers.newFormSubmission)).toEqual([]);
    scope.done();
  });

  it('labels each answer from the location custom fields and names the form, newest first', async () => {
    highlevel()
      .get('/forms/submissions')
      .query({ locationId: AUTH.locationId, page: '1', limit: '100', formId: formSubmissionRecord.formId, ...window() })
      .reply(200, {
        submissions: [submission('s1', '2026-03-09T10:00:00.000Z'), submission('s2', '2026-03-09T12:00:00.000Z')],
        meta: { total: 2, currentPage: 1, nextPage: null },
      })
      .get(`/locations/${AUTH.locationId}/customFields`)
      .query({ model: 'contact' })
      .reply(200, customFields)
      .get('/forms/')
      .query({ locationId: AUTH.locationId, skip: '0', limit: '50' })
      .reply(200, forms);
    const results = await run(triggers.newFormSubmission, { formId: formSubmissionRecord.formId });
    expect(results.map((s: Item) => s.id)).toEqual(['s2', 's1']);
    expect(results[0]).toEqual({ ...formSubmissionSample, id: 's2', createdAt: '2026-03-09T12:00:00.000Z' });
    expect(results[0].others).toBeUndefined();
  });

  it('reads a burst to its end: every page while HighLevel says there is a next one', async () => {
    const at = (i: number) => new Date(Date.parse('2026-03-09T00:00:00Z') + i * 60_000).toISOString();
    const first = Array.from({ length: 100 }, (_, i) => submission(`a${i}`, at(1000 - i), { others: { first_name: 'A' } }));
    const second = Array.from({ length: 30 }, (_, i) => submission(`b${i}`, at(800 - i), { others: { first_name: 'B' } }));
    highlevel()
      .get('/forms/submissions')
      .query({ locationId: AUTH.locationId, page: '1', limit: '100', ...window() })
      .reply(200, { submissions: first, meta: { total: 130, currentPage: 1, nextPage: 2 } })
      .get('/forms/submissions')
      .query({ locationId: AUTH.locationId, page: '2', limit: '100', ...window() })
      .reply(200, { submissions: second, meta: { total: 130, currentPage: 2, nextPage: null } })
      .get('/forms/')
      .query(true)
      .reply(200, forms);
    const results = await run(triggers.newFormSubmission);
    expect(results).toHaveLength(130);
    expect(new Set(results.map((s: Item) => s.id)).size).toBe(130);
  });

  it('keeps the answers when the custom fields and form names cannot be read', async () => {
    highlevel()
      .get('/forms/submissions')
      .query(true)
      // A custom field id of its own: another test of this file may have left the definitions in z.cache.
      .reply(200, {
        submissions: [
          submission('s1', '2026-03-09T10:00:00.000Z', {
            formId: 'NotCachedForm1',
            others: { first_name: 'Rosa', Kp2u8XfJ0aQeLr7sVt3N: 'Kitchen' },
          }),
        ],
      })
      .get(`/locations/${AUTH.locationId}/customFields`)
      .query(true)
      .reply(403, { statusCode: 403, message: 'The token is not authorized for this scope.' })
      .get('/forms/')
      .query(true)
      .reply(500, { message: 'boom' });
    // A zap of its own: the poll state another test of this file left would hold this older submission back.
    const [result] = await run(triggers.newFormSubmission, {}, { meta: { zap: { id: 'keeps-answers' } } });
    expect(result.answers).toEqual({ first_name: 'Rosa', Kp2u8XfJ0aQeLr7sVt3N: 'Kitchen' });
    expect(result.formName).toBeUndefined();
  });

  it('loading a sample reads the last month (HighLevel default), 10 at most', async () => {
    const scope = highlevel()
      .get('/forms/submissions')
      .query({ locationId: AUTH.locationId, page: '1', limit: '10' })
      .reply(200, { submissions: [] });
    expect(await run(triggers.newFormSubmission, {}, { meta: { isLoadingSample: true } })).toEqual([]);
    scope.done();
  });

  it('rejects a malformed form ID before any request', async () => {
    await expect(run(triggers.newFormSubmission, { formId: 'not an id!' })).rejects.toThrow(/Form \(formId\)/);
  });

  it('offers the location custom fields as labelled answer output fields', async () => {
    highlevel().get(`/locations/${AUTH.locationId}/customFields`).query(true).reply(200, customFields);
    const fn = triggers.newFormSubmission.definition.operation.outputFields.at(-1);
    const { appTester } = require('../support/highlevel');
    const fields = await appTester(fn, { authData: AUTH });
    expect(fields).toEqual(
      expect.arrayContaining([
        { key: 'answers__first_name', label: 'Answer: First Name' },
        { key: 'answers__custom_project_details', label: 'Answer: Project Details' },
      ]),
    );
  });
});

describe('New Survey Submission', () => {
  it('polls the survey submissions of one survey and names the survey', async () => {
    highlevel()
      .get('/surveys/submissions')
      .query({ locationId: AUTH.locationId, page: '1', limit: '100', surveyId: surveySubmissionRecord.surveyId, ...pollWindow(Date.now()) })
      .reply(200, { submissions: [surveySubmissionRecord] })
      .get(`/locations/${AUTH.locationId}/customFields`)
      .query(true)
      .reply(200, customFields)
      .get('/surveys/')
      .query({ locationId: AUTH.locationId, skip: '0', limit: '50' })
      .reply(200, { surveys: [{ id: surveySubmissionRecord.surveyId, name: 'Project Intake' }] });
    const [result] = await run(triggers.newSurveySubmission, { surveyId: surveySubmissionRecord.surveyId });
    expect(result).toMatchObject({ surveyName: 'Project Intake', answers: { custom_project_details: 'Kitchen remodel, about 5,000 USD' } });
  });
});

describe('labelled answers', () => {
  it('keeps keys it cannot name and follows the form order', () => {
    const out = labelledSubmission(
      'form',
      {
        id: 'x',
        formId: 'f',
        others: { zeta: 'z', first_name: 'Rosa', fieldsOriSequance: ['first_name', 'zeta'], __submissions_other_field__: 'x' },
      },
      { customFields: [], parents: { f: 'Quote' } },
    );
    expect(out).toEqual({
      id: 'x',
      formId: 'f',
      formName: 'Quote',
      answers: { first_name: 'Rosa', zeta: 'z' },
      answersText: 'First Name: Rosa\nzeta: z',
    });
  });
});

describe('Find Form Submissions', () => {
  it('filters by email and dates with HighLevel own filters', async () => {
    highlevel()
      .get('/forms/submissions')
      .query({ locationId: AUTH.locationId, page: '1', limit: '100', q: 'rosa@example.com', startAt: '2026-03-01', endAt: '2026-03-31' })
      .reply(200, { submissions: [submission('s1', '2026-03-02T10:00:00.000Z'), submission('s2', '2026-03-05T10:00:00.000Z')] })
      .get(`/locations/${AUTH.locationId}/customFields`)
      .query(true)
      .reply(200, customFields)
      .get('/forms/')
      .query(true)
      .reply(200, forms);
    const results = await run(searches.findFormSubmissions, {
      q: 'rosa@example.com',
      startAt: '2026-03-01T08:00:00Z',
      endAt: '2026-03-31',
    });
    expect(results.map((s: Item) => s.id)).toEqual(['s2', 's1']);
    expect(results[0].formName).toBe('Get a Quote');
  });

  it('needs a filter, and dates in order, before any request', async () => {
    await expect(run(searches.findFormSubmissions, {})).rejects.toThrow(/Contact, Name, Email or Phone, or pick a Form/);
    await expect(run(searches.findFormSubmissions, { q: 'rosa', startAt: '2026-03-10', endAt: '2026-03-01' })).rejects.toThrow(
      /later than/,
    );
    await expect(run(searches.findFormSubmissions, { q: 'rosa', startAt: 'yesterday' })).rejects.toThrow(
      /Submitted On or After \(startAt\)/,
    );
  });
});

describe('form and survey dropdowns', () => {
  it('page with skip and limit 50', async () => {
    highlevel().get('/forms/').query({ locationId: AUTH.locationId, limit: '50', skip: '50' }).reply(200, forms);
    expect(await run(triggers.formDropdown, {}, { meta: { page: 1 } })).toEqual([
      expect.objectContaining({ id: formSubmissionRecord.formId, name: 'Get a Quote' }),
    ]);
    highlevel()
      .get('/surveys/')
      .query({ locationId: AUTH.locationId, limit: '50', skip: '0' })
      .reply(200, { surveys: [{ id: 'sv1', name: 'Intake' }] });
    expect(await run(triggers.surveyDropdown)).toEqual([expect.objectContaining({ id: 'sv1', name: 'Intake' })]);
  });
});
