import nock from 'nock';
import { loadDetail } from '../../src/apiRequest/artifacts';
import { VALID_NOT_FUZZED } from '../fuzz/kinds';
import { indexOperations, synthesizedInput } from '../support/apiRequestInputs';
import { expectContractClean } from '../support/highlevel';
import { editorFields, operations, perform, runAccepted, Sent, serve, takeRuntime } from './support';

// Zapier sends "" for every field a zap leaves unmapped (and [""] or a row of blanks for list and line-item
// fields). A blank must be the same as a field not filled: never a sent empty value that would wipe the stored
// one on an update. Checked over every operation of the app (discovered), its declared and dynamic fields (the
// location's custom fields, the object's properties), and over every update of API Request: the requests sent
// with every optional field blank are exactly those sent without them.

beforeAll(takeRuntime);
afterEach(() => {
  nock.cleanAll();
  expectContractClean();
});

/** What a request carries, comparable across runs. */
const shape = (sent: Sent[]) =>
  JSON.parse(
    // A multipart body's boundary is random.
    JSON.stringify(sent.map((s) => ({ method: s.method, path: s.path, query: s.query, body: s.body }))).replace(/ghlZapier[0-9a-f]+/g, 'B'),
  );
// Steps that read "from now" send the clock: one fixed instant for both runs.
const TIMERS = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'setImmediate',
  'clearImmediate',
  'nextTick',
  'queueMicrotask',
  'hrtime',
  'performance',
] as const;
beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-11-30T12:00:00Z'), doNotFake: [...TIMERS] }));
afterEach(() => jest.useRealTimers());

/** Where two runs' requests differ: the first differing leaf, by path. */
function difference(a: unknown, b: unknown, at = ''): string {
  if (JSON.stringify(a) === JSON.stringify(b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = difference((a as any)[key], (b as any)[key], `${at}/${key}`);
      if (found) return found;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 120)} instead of ${JSON.stringify(b)?.slice(0, 120)}`;
}

/** The blank Zapier sends for an unmapped field: "" for a value, [""] for a list, a row of blanks for line items. */
function blankFor(field: Record<string, any>): unknown {
  if (Array.isArray(field.children)) return [Object.fromEntries(field.children.map((c: { key: string }) => [c.key, '']))];
  return field.list ? [''] : '';
}

const candidates = operations.filter((op) => !(op.key in VALID_NOT_FUZZED) && op.key !== 'api_request');

test('every operation: its optional fields left blank send the same requests as not filled', async () => {
  const differ: string[] = [];
  let compared = 0;
  for (const op of candidates) {
    const first = await runAccepted(op, {});
    if (first.error && /InvalidInput/.test(first.error.message)) continue; // no input its rules accept (counted below)
    serve(op);
    const fields = await editorFields(op, first.input).catch(() => []);
    const blanks = Object.fromEntries(
      fields.filter((f) => first.input[f.key] === undefined && !f.computed).map((f) => [f.key, blankFor(f)]),
    );
    const sent = serve(op);
    let error: Error | undefined;
    try {
      await perform(op, { ...blanks, ...first.input });
    } catch (e) {
      error = e as Error;
    }
    compared++;
    if (String(error?.message) !== String(first.error?.message)) {
      differ.push(`${op.key}: ${error ? `failed: ${error.message.slice(0, 160)}` : 'succeeded'} with blanks, not without`);
    } else if (JSON.stringify(shape(sent)) !== JSON.stringify(shape(first.sent))) {
      differ.push(`${op.key}: with blanks, ${difference(shape(sent), shape(first.sent))}`);
    }
  }
  expect(differ).toEqual([]);
  expect(compared).toBeGreaterThanOrEqual(candidates.length - 5);
});

describe('API Request: every update (PUT, PATCH) of the specs', () => {
  const updates = indexOperations().filter((op) => ['PUT', 'PATCH'].includes(op.method) && !op.multipart && !op.agencyOnly);
  const apiRequest = operations.find((o) => o.key === 'api_request')!;

  it('there are updates with optional fields and line items to leave blank', () => {
    expect(updates.length).toBeGreaterThan(50);
    expect(updates.some((op) => loadDetail(op).fields.some((f) => f.ch && !f.r))).toBe(true);
  });

  it.each(updates.map((op) => [op.key, op] as const))('%s: blank optional fields are not sent', async (_k, op) => {
    const input = synthesizedInput(op);
    const blanks = Object.fromEntries(
      loadDetail(op)
        .fields.filter((f) => input[f.k] === undefined && !f.f)
        .map((f) => [f.k, f.ch ? [Object.fromEntries(f.ch.map((c) => [c.k, '']))] : f.li ? [''] : '']),
    );
    const without = serve(apiRequest, () => [200, { ok: true }]);
    await perform(apiRequest, input);
    const first = shape(without);
    const withBlanks = serve(apiRequest, () => [200, { ok: true }]);
    await perform(apiRequest, { ...blanks, ...input });
    expect(shape(withBlanks)).toEqual(first);
  });
});
