import fc from 'fast-check';
import nock from 'nock';
import { Operation } from '../../src/factories/operation';
import { FieldDef } from '../../src/fields/field';
import { operations } from '../../src/operations';
import { checkResponse } from '../../contract/openapi';
import { contractRecords, highlevel, run } from '../support/highlevel';
import { describeError } from '../faults/support';
import { invalidValue, Kind, kindOf, validValue } from './kinds';

// Every operation of the app (discovered, not listed), fuzzed from its own field declarations:
// - invalid input (a required field missing, a malformed or wrong-typed value) fails with InvalidInput naming the
//   field, and sends nothing;
// - valid input sends requests that satisfy HighLevel's OpenAPI contract and yields Zapier-valid output.

const RUNS = Number(process.env.FUZZ_RUNS) || 20;

/**
 * Operations that cannot be fuzzed generically, with the reason. Keep this short: the test below fails when an
 * entry is added or left behind, so the list cannot grow silently.
 */
const NOT_FUZZED: Record<string, string> = {};
const NOT_FUZZED_EXPECTED: string[] = [];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * What the catch-all HighLevel answers: the operation's own sample answer, else its sample under resultKey as a
 * list or a record, whichever the endpoint's response schema accepts.
 */
function replyFor(op: Operation): unknown {
  const { resultKey, sample, sampleAnswer } = op.def;
  const candidates: unknown[] = [
    ...(sampleAnswer !== undefined ? [sampleAnswer] : []),
    ...(resultKey ? (op.kind === 'trigger' ? [{ [resultKey]: [sample] }, { [resultKey]: sample }] : [{ [resultKey]: sample }, { [resultKey]: [sample] }]) : []),
    sample,
  ];
  const { method, path } = op.def.endpoint;
  const fits = (body: unknown) => [200, 201].some((status) => checkResponse(method, path, status, body).ok);
  return candidates.find(fits) ?? candidates[0];
}

const unmatched: string[] = [];
nock.emitter.on('no match', (req: any) => unmatched.push(`${req.method} ${req.path ?? req.href ?? ''}`));

const counts = { operations: 0, valid: 0, invalid: 0, crossFieldRejections: 0, halted: 0 };
afterAll(() => {
  console.log(
    `Fuzzed ${counts.operations} operations: ${counts.valid} valid and ${counts.invalid} invalid inputs through the Zapier runtime` +
      ` (${counts.crossFieldRejections} valid-per-field inputs rejected by a cross-field rule, ${counts.halted} halted on purpose).`,
  );
});

interface FieldPlan {
  field: FieldDef;
  kind: Kind;
}

function plan(op: Operation): { fields: FieldPlan[]; unknown: FieldDef[] } {
  const fields: FieldPlan[] = [];
  const unknown: FieldDef[] = [];
  for (const field of op.def.fields) {
    const kind = kindOf(field);
    if (kind) fields.push({ field, kind });
    else unknown.push(field);
  }
  return { fields, unknown };
}

function validInput(fields: FieldPlan[]): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const { field, kind } of fields) model[field.key] = validValue(field, kind);
  return fc.record(model, { requiredKeys: fields.filter((f) => f.field.required).map((f) => f.field.key) });
}

// The field is carried by key and label only, so that a counterexample prints readably.
type Bad = { input: Record<string, unknown>; field: { key: string; label: string }; missing: boolean };

function invalidInput(fields: FieldPlan[]): fc.Arbitrary<Bad> | undefined {
  const valid = validInput(fields);
  const options: fc.Arbitrary<Bad>[] = [];
  for (const { field: def, kind } of fields) {
    const field = { key: def.key, label: def.label };
    if (def.required) {
      options.push(
        fc.tuple(valid, fc.constantFrom(undefined, '', '   ')).map(([input, blank]) => {
          const copy = { ...input };
          if (blank === undefined) delete copy[field.key];
          else copy[field.key] = blank;
          return { input: copy, field, missing: true };
        }),
      );
    }
    options.push(fc.tuple(valid, invalidValue(def, kind)).map(([input, bad]) => ({ input: { ...input, [field.key]: bad }, field, missing: false })));
  }
  return options.length ? fc.oneof(...options) : undefined;
}

const fuzzed = operations.filter((op) => !(op.key in NOT_FUZZED));

test('the operations that are not fuzzed are exactly the listed ones, each with a reason', () => {
  expect(Object.keys(NOT_FUZZED).sort()).toEqual([...NOT_FUZZED_EXPECTED].sort());
  for (const [key, reason] of Object.entries(NOT_FUZZED)) {
    expect(operations.map((op) => op.key)).toContain(key);
    expect(reason.length).toBeGreaterThan(20);
  }
  // Every other operation is fuzzed (the discovery is not empty by accident).
  expect(fuzzed.length).toBeGreaterThanOrEqual(10);
});

describe.each(fuzzed.map((op) => [op.key, op] as const))('%s', (_key, op) => {
  const { fields, unknown } = plan(op);

  test('every input field has a known kind of value', () => {
    expect(unknown.map((f) => `${f.key}: no kind in test/fuzz/kinds.ts matches its schema`)).toEqual([]);
  });

  test('invalid input fails with InvalidInput naming the field, before any request', async () => {
    const bad = invalidInput(fields);
    if (!bad) return; // no input fields: nothing can be invalid
    await fc.assert(
      fc.asyncProperty(bad, async ({ input, field }) => {
        unmatched.length = 0;
        nock.cleanAll();
        counts.invalid++;
        let error;
        try {
          await run(op, input);
        } catch (e) {
          error = describeError(e);
        }
        expect(unmatched).toEqual([]);
        expect(error?.code).toBe('InvalidInput');
        // The field is named by label and key, quoted or not.
        const named = `"?${escape(field.label)}"? \\(${escape(field.key)}\\)`;
        expect(error?.message).toMatch(new RegExp(named));
      }),
      { numRuns: RUNS },
    );
  });

  test('valid input sends contract-conforming requests and returns Zapier-valid output', async () => {
    counts.operations++;
    let succeeded = 0;
    await fc.assert(
      fc.asyncProperty(validInput(fields), async (input) => {
        nock.cleanAll();
        unmatched.length = 0;
        counts.valid++;
        const scope = highlevel().persist();
        for (const method of METHODS) scope.intercept(() => true, method).reply(200, replyFor(op) as nock.Body);
        const before = contractRecords.length;
        let result: unknown;
        try {
          result = await run(op, input);
        } catch (e) {
          const error = describeError(e);
          // A rule across fields (e.g. "fill in one of ...") may reject input every field accepts: before any request.
          if (error.code === 'InvalidInput' && contractRecords.length === before) {
            counts.crossFieldRejections++;
            return;
          }
          // A deliberate stop after reading HighLevel (e.g. conflict protection) is an outcome, not a crash; what
          // it sent is still checked against the contract by the suite's afterEach.
          if (error.name === 'HaltedError' && contractRecords.length > before) {
            counts.halted++;
            return;
          }
          throw new Error(`${op.key} failed on valid input ${JSON.stringify(input)}: ${error.name} ${error.message}`);
        }
        const sent = contractRecords.slice(before);
        expect(sent.length).toBeGreaterThan(0);
        const broken = sent.filter((r) => !r.ok);
        if (broken.length) {
          throw new Error(`${op.key} with ${JSON.stringify(input)} broke the contract: ${broken.map((r) => `${r.method} ${r.url}: ${r.errors.join('; ')}`).join(' | ')}`);
        }
        expect(unmatched).toEqual([]);
        if (op.kind === 'create') expect(result && typeof result === 'object' && !Array.isArray(result)).toBe(true);
        else {
          expect(Array.isArray(result)).toBe(true);
          for (const item of result as any[]) expect(item.id).toBeDefined();
        }
        succeeded++;
      }),
      { numRuns: RUNS },
    );
    // Most generated inputs fill some field: at least one must have gone all the way through.
    expect(succeeded).toBeGreaterThan(0);
  });
});
