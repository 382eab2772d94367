import fc from 'fast-check';
import nock from 'nock';
import { Operation } from '../../src/factories/operation';
import { FieldDef } from '../../src/fields/field';
import { operations } from '../../app/operations';
import { checkResponse } from '../../contract/openapi';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { appTester, AUTH, contractRecords, highlevel } from '../support/highlevel';
import { describeError } from '../faults/support';
import { DYNAMIC_INPUTS, invalidValue, Kind, kindOf, serveDownloads, validValue, VALID_NOT_FUZZED } from './kinds';

// An instant trigger's perform only shapes a delivered payload: its HighLevel reads are performList's.
const readerOf = (op: Operation) => op.hook?.performList ?? op.perform;

// Every operation of the app (discovered, not listed), fuzzed from its own field declarations:
// - invalid input (a required field missing, a malformed or wrong-typed value) fails with InvalidInput naming the
//   field, and sends nothing;
// - valid input sends requests that satisfy HighLevel's OpenAPI contract and yields Zapier-valid output.

// Cases per operation (FUZZ_RUNS scales both). Valid cases make HTTP requests (nock), invalid ones must not.
const VALID_RUNS = Number(process.env.FUZZ_RUNS) || 12;
const INVALID_RUNS = Math.round(VALID_RUNS * 2);

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
    ...(resultKey
      ? op.kind === 'trigger'
        ? [{ [resultKey]: [sample] }, { [resultKey]: sample }]
        : [{ [resultKey]: sample }, { [resultKey]: [sample] }]
      : []),
    sample,
  ];
  const { method, path } = op.def.endpoint;
  const fits = (body: unknown) => [200, 201].some((status) => checkResponse(method, path, status, body).ok);
  return candidates.find(fits) ?? candidates[0];
}

const unmatched: string[] = [];
nock.emitter.on('no match', (req: any) => unmatched.push(`${req.method} ${req.path ?? req.href ?? ''}`));

const counts = { operations: 0, validRun: 0, valid: 0, invalid: 0, crossFieldRejections: 0, halted: 0 };
afterAll(() => {
  console.log(
    `Fuzzed ${counts.operations} operations (${counts.validRun} with valid input): ${counts.valid} valid and ${counts.invalid} invalid inputs` +
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
    options.push(
      fc.tuple(valid, invalidValue(def, kind)).map(([input, bad]) => ({ input: { ...input, [field.key]: bad }, field, missing: false })),
    );
  }
  return options.length ? fc.oneof(...options) : undefined;
}

const fuzzed = operations;

test('the operations whose valid input is not fuzzed are exactly the listed ones, each with a reason', () => {
  expect(Object.keys(VALID_NOT_FUZZED).sort()).toEqual(['download_call_transcription', 'get_call_recording']);
  for (const [key, reason] of Object.entries(VALID_NOT_FUZZED)) {
    expect(operations.map((op) => op.key)).toContain(key);
    expect(reason.length).toBeGreaterThan(20);
  }
  // The discovery found the app's operations (not an empty list by accident).
  expect(fuzzed.length).toBeGreaterThanOrEqual(10);
});

// The runtime's own z (real request client with the app's middleware, real errors), taken from one appTester
// invocation: a full appTester run per case costs ~80 ms, which the suite cannot afford thousands of times.
let z: ZObject;
beforeAll(async () => {
  await appTester(
    async (runtimeZ: ZObject) => {
      z = runtimeZ;
      return {};
    },
    { authData: AUTH } as any,
  );
});

/** Agency-only operations run on an agency connection; the others on a sub-account one. */
function authFor(op: Operation) {
  const agencyOnly = (op.def as { agencyOnly?: boolean }).agencyOnly ?? (op.def.endpoint as { agencyOnly?: boolean }).agencyOnly;
  return agencyOnly ? { ...AUTH, userType: 'Company' } : AUTH;
}

function perform(op: Operation, inputData: Record<string, unknown>) {
  return readerOf(op)(z, { authData: authFor(op), inputData, meta: {} } as unknown as Bundle);
}

describe.each(fuzzed.map((op) => [op.key, op] as const))('%s', (_key, op) => {
  const { fields, unknown } = plan(op);
  counts.operations++;

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
          await perform(op, input);
        } catch (e) {
          error = describeError(e);
        }
        expect(unmatched).toEqual([]);
        expect(error?.code).toBe('InvalidInput');
        // The field is named by label and key, quoted or not.
        const named = `"?${escape(field.label)}"? \\(${escape(field.key)}\\)`;
        expect(error?.message).toMatch(new RegExp(named));
      }),
      { numRuns: INVALID_RUNS },
    );
  });

  // Operations in VALID_NOT_FUZZED (pinned by its own test) get no valid-input run: they need Zapier's file RPC.
  const validTest = VALID_NOT_FUZZED[op.key] ? () => undefined : test;
  validTest('valid input sends contract-conforming requests and returns Zapier-valid output', async () => {
    counts.validRun++;
    let succeeded = 0;
    // Always also the required fields alone: random inputs fill optional fields that a cross-field rule may reject
    // every time (Find Free Slots: a random To is rarely within 31 days of From), which made this test flaky.
    const minimal = fc.sample(validInput(fields.filter((f) => f.field.required)), { numRuns: 1, seed: 1 })[0];
    await fc.assert(
      fc.asyncProperty(DYNAMIC_INPUTS[op.key] ? fc.constantFrom(...DYNAMIC_INPUTS[op.key]()) : validInput(fields), async (input) => {
        nock.cleanAll();
        unmatched.length = 0;
        counts.valid++;
        const scope = highlevel().persist();
        for (const method of METHODS) scope.intercept(() => true, method).reply(200, replyFor(op) as nock.Body);
        serveDownloads(op.key, input);
        const before = contractRecords.length;
        let result: unknown;
        try {
          result = await perform(op, input);
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
            succeeded++;
            return;
          }
          throw new Error(`${op.key} failed on valid input ${JSON.stringify(input)}: ${error.name} ${error.message}`);
        }
        const sent = contractRecords.slice(before);
        expect(sent.length).toBeGreaterThan(0);
        const broken = sent.filter((r) => !r.ok);
        if (broken.length) {
          throw new Error(
            `${op.key} with ${JSON.stringify(input)} broke the contract: ${broken.map((r) => `${r.method} ${r.url}: ${r.errors.join('; ')}`).join(' | ')}`,
          );
        }
        expect(unmatched).toEqual([]);
        // What Zapier's output checks demand: an object from an action, a list of items with unique ids otherwise.
        if (op.kind === 'create') expect(result && typeof result === 'object' && !Array.isArray(result)).toBe(true);
        else {
          expect(Array.isArray(result)).toBe(true);
          const ids = (result as any[]).map((item) => item?.id);
          for (const id of ids) expect(id).toBeDefined();
          if (op.kind === 'trigger') expect(new Set(ids.map(String)).size).toBe(ids.length);
        }
        succeeded++;
      }),
      { numRuns: VALID_RUNS, examples: [[minimal]] },
    );
    // Most generated inputs fill some field: at least one must have gone all the way through (or halted on purpose).
    expect(succeeded).toBeGreaterThan(0);
  });
});
