import fc from 'fast-check';
import nock from 'nock';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { Operation } from '../../src/factories/operation';
import { operations } from '../../app/operations';
import { DYNAMIC_INPUTS, kindOf, serveDownloads, validValue, VALID_NOT_FUZZED } from '../fuzz/kinds';
import { appTester, AUTH, BASE } from '../support/highlevel';
import { describeError } from './support';

// An instant trigger's perform only shapes a delivered payload: its HighLevel reads are performList's.
const readerOf = (op: Operation) => op.hook?.performList ?? op.perform;

// Every operation of the app (discovered), with a valid input, against HighLevel answers that are odd or broken:
// each ends in a result or the one mapped error, never a TypeError from an operation's own code. Runs use the
// runtime's own z (real request client and middleware), as the fuzz test does, to keep ~160 operations fast.

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

function authFor(op: Operation) {
  const agencyOnly = (op.def as { agencyOnly?: boolean }).agencyOnly ?? (op.def.endpoint as { agencyOnly?: boolean }).agencyOnly;
  return agencyOnly ? { ...AUTH, userType: 'Company' } : AUTH;
}

/** A few valid inputs (fixed seed): the first one an operation accepts is used. */
function validInputs(op: Operation): Record<string, unknown>[] {
  if (DYNAMIC_INPUTS[op.key]) return DYNAMIC_INPUTS[op.key]();
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const field of op.def.fields) {
    const kind = kindOf(field);
    if (kind) model[field.key] = validValue(field, kind);
  }
  const required = op.def.fields.filter((f) => f.required).map((f) => f.key);
  return fc.sample(fc.record(model, { requiredKeys: required }), { numRuns: 5, seed: 42 });
}

const answers: Array<[string, (scope: nock.Interceptor) => void]> = [
  ['200 {}', (i) => i.reply(200, {})],
  ['200 []', (i) => i.reply(200, [])],
  ['200 null', (i) => i.reply(200, 'null', { 'Content-Type': 'application/json' })],
];

test.each(answers)('every operation, HighLevel answering %s: a result or a clear error, never a TypeError', async (_what, answer) => {
  const typeErrors: string[] = [];
  const exercised = new Set<string>();
  // A success of these needs Zapier's file stashing, which does not run here.
  const candidates = operations.filter((o) => !(o.key in VALID_NOT_FUZZED));
  for (const op of candidates) {
    for (const input of validInputs(op)) {
      nock.cleanAll();
      const scope = nock(BASE).persist();
      for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) answer(scope.intercept(() => true, m));
      serveDownloads(op.key, input);
      try {
        await readerOf(op)(z, { authData: authFor(op), inputData: input, meta: {} } as unknown as Bundle);
      } catch (e) {
        const error = describeError(e);
        if (error.code === 'InvalidInput') continue;
        if (!['AppError', 'HaltedError', 'ThrottledError', 'ExpiredAuthError', 'RefreshAuthError'].includes(error.name))
          typeErrors.push(`${op.key}: ${error.name} ${error.message.split('\n')[0]}`);
      }
      exercised.add(op.key);
      break;
    }
  }
  expect(typeErrors).toEqual([]);
  // Every operation met the answer with at least one input its rules accept: none was skipped silently.
  expect(candidates.filter((op) => !exercised.has(op.key)).map((op) => op.key)).toEqual([]);
});

const failures: Array<[string, string, (scope: nock.Interceptor) => void]> = [
  [
    '503 with an HTML page',
    'HighLevelServerError',
    (i) => i.reply(503, '<html><body>Service Unavailable</body></html>', { 'Content-Type': 'text/html' }),
  ],
  ['200 with malformed JSON', 'HighLevelBadResponse', (i) => i.reply(200, '{"id": ', { 'Content-Type': 'application/json' })],
  [
    'a connection reset',
    'HighLevelUnreachable',
    (i) => i.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })),
  ],
];

test.each(failures)('every operation, HighLevel failing with %s: the one mapped error (%s)', async (_what, code, answer) => {
  const wrong: string[] = [];
  for (const op of operations.filter((o) => code !== 'HighLevelBadResponse' || !(o.key in VALID_NOT_FUZZED))) {
    for (const input of validInputs(op)) {
      nock.cleanAll();
      const scope = nock(BASE).persist();
      for (const m of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) answer(scope.intercept(() => true, m));
      serveDownloads(op.key, input);
      let outcome: string;
      try {
        const result = await readerOf(op)(z, { authData: authFor(op), inputData: input, meta: {} } as unknown as Bundle);
        outcome = `succeeded with ${JSON.stringify(result)?.slice(0, 80)}`;
      } catch (e) {
        const error = describeError(e);
        if (error.code === 'InvalidInput') continue;
        outcome = error.code === code ? 'ok' : `${error.name} ${error.code ?? ''} ${error.message.split('\n')[0].slice(0, 120)}`;
      }
      if (outcome !== 'ok') wrong.push(`${op.key}: ${outcome}`);
      break;
    }
  }
  expect(wrong).toEqual([]);
});
