import nock from 'nock';
import { isAgencyOnly, Operation } from '../src/factories/operation';
import { pluralize } from '../src/factories/dropdown';
import { FieldDef } from '../src/fields/field';
import { operations } from '../app/operations';
import { highlevel, run } from './support/highlevel';

// Every dropdown source that offers "load more" (canPaginate), discovered from the app: page 1 must ask HighLevel
// for something other than page 0, or answer [] without asking (else "load more" repeats the list).

const paginated = operations.filter((op) => op.kind === 'trigger' && op.definition.operation.canPaginate);

/** An agency (Company) connection, for agency-only dropdowns. */
const AGENCY = {
  access_token: 'agency-at-secret-0987654321',
  refresh_token: 'agency-rt-secret-0987654321',
  userType: 'Company',
  companyId: 'cmp_8XyQ1z',
};

/** A valid value for a field: its first choice, else the first candidate its own schema accepts. */
function valueFor(field: FieldDef): unknown {
  const candidates = [
    ...Object.keys(field.choices ?? {}),
    'Xy7kP2mQ9rT4vW1zB3nC',
    'true',
    '2026-03-10T09:00:00Z',
    'rosa@example.com',
    '10',
  ];
  const value = candidates.find((c) => field.schema().safeParse(c).success);
  if (value === undefined) throw new Error(`no test value for ${field.key}`);
  return value;
}

/** HighLevel's answer the operation's sample comes from. */
function answerOf(op: Operation): unknown {
  const { def } = op;
  if (def.sampleAnswer !== undefined) return def.sampleAnswer;
  return def.resultKey ? { [def.resultKey]: [def.sample] } : [def.sample];
}

interface Sent {
  method: string;
  uri: string;
  body: string;
}

/** Runs the dropdown for one page against a catch-all HighLevel; returns the requests it sent and its result. */
async function page(op: Operation, page: number): Promise<{ sent: Sent[]; result: unknown }> {
  const sent: Sent[] = [];
  const answer = answerOf(op);
  const scope = highlevel().persist();
  for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
    scope
      .intercept(() => true, method)
      .reply(function (uri, body) {
        sent.push({ method: this.req.method, uri, body: JSON.stringify(body ?? null) });
        return [200, answer];
      });
  }
  const inputData = Object.fromEntries(op.def.fields.filter((f) => f.required).map((f) => [f.key, valueFor(f)]));
  const result = await run(op, inputData, { meta: { page }, ...(isAgencyOnly(op.def) ? { authData: AGENCY } : {}) });
  nock.cleanAll();
  return { sent, result };
}

describe('dropdown paging ("load more")', () => {
  it('finds the paginated dropdowns', () => {
    expect(paginated.map((op) => op.key)).toEqual(expect.arrayContaining(['contact_list', 'contact_task_list', 'calendar_list']));
  });

  it.each(paginated.map((op) => [op.key, op] as const))('%s: page 1 is not page 0 again', async (_key, op) => {
    const first = await page(op, 0);
    expect(first.sent.length).toBeGreaterThan(0);
    const second = await page(op, 1);
    if (second.sent.length === 0) {
      expect(second.result).toEqual([]);
      return;
    }
    expect(second.sent).not.toEqual(first.sent);
  });
});

describe('dropdown labels', () => {
  it('pluralises nouns in English', () => {
    expect(['Opportunity', 'Business', 'Blog Category', 'Note', 'Day', 'Survey'].map(pluralize)).toEqual([
      'Opportunities',
      'Businesses',
      'Blog Categories',
      'Notes',
      'Days',
      'Surveys',
    ]);
  });

  it.each(paginated.filter((op) => op.def.hidden).map((op) => [op.key, op] as const))('%s: label has no broken plural', (_key, op) => {
    expect(op.definition.display.label).not.toMatch(/([^aeiou]ys|ss)$/);
  });
});
