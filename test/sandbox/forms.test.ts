import { addSubmission, parentsOf } from '../../sandbox/routes/forms';
import { sandboxApp } from './support';

// End to end: form and survey submissions through the Zapier runtime against the sandbox.

const app = sandboxApp();
type Item = Record<string, any>;

describe('forms and surveys in the sandbox', () => {
  it('New Form Submission: seeded one, then a burst of 150 read to its end with labelled answers; Find Form Submissions', async () => {
    const [quote] = parentsOf(app.sandbox.state, 'form');
    const choices: Item[] = await app.run('form_list');
    expect(choices.map((c) => c.name)).toEqual(['Get a Quote', 'Contact Us']);

    const before: Item[] = await app.run('new_form_submission', { formId: quote.id });
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ formName: 'Get a Quote', answers: { first_name: 'Rosa', email: 'rosa@example.com' } });
    // The seeded answer to a custom field comes under the field's readable key, labelled in the text.
    const custom = Object.keys(before[0].answers).find((k) => k.startsWith('custom_'));
    expect(custom).toBeDefined();
    expect(before[0].answersText).toMatch(/^First Name: Rosa\n/);

    const requestsBefore = app.sandbox.requests.length;
    const burst = Array.from({ length: 150 }, (_, i) =>
      addSubmission(app.sandbox.state, 'form', quote.id, { first: `P${i}`, last: 'Burst', email: `p${i}@example.com` }),
    );
    const after: Item[] = await app.run('new_form_submission', { formId: quote.id });
    const ids = new Set(after.map((s) => s.id));
    expect(burst.filter((s) => !ids.has(s.id))).toEqual([]); // none missed
    expect(ids.size).toBe(after.length); // no duplicates
    expect(after[0].id).toBe(burst[149].id); // newest first
    // Two pages of submissions; names came from z.cache or one more request each.
    expect(app.sandbox.requests.length - requestsBefore).toBeLessThanOrEqual(4);

    const found: Item[] = await app.run('find_form_submission', { q: 'p7@example.com' });
    expect(found.map((s) => s.id)).toEqual([burst[7].id]);
    expect(await app.run('find_form_submission', { q: 'nobody@example.com' })).toEqual([]);
  });

  it('New Survey Submission and the survey dropdown', async () => {
    const [survey] = await app.run('survey_list');
    expect(survey.name).toBe('Project Intake');
    const added = addSubmission(app.sandbox.state, 'survey', survey.id, { first: 'Ada', last: 'Moss', email: 'ada@example.com' });
    const polled: Item[] = await app.run('new_survey_submission', {});
    // The seeded survey submission is 3 days old: outside the poll window, so only the new one.
    expect(polled.map((s) => s.id)).toEqual([added.id]);
    expect(polled[0]).toMatchObject({ surveyName: 'Project Intake', answers: { first_name: 'Ada' } });
  });
});
