// Checks on the whole app definition that offline `zapier-platform validate` does not make (Zapier's
// integration checks D010–D024 and our own rules), over every operation the app defines.
import { checkResponse, findOperationById, listOperations } from '../contract/openapi';
import { EVENT_TYPES } from '../src/events';
import App from '../app/index';
import { operations, requiredScopes } from '../app/operations';

const visible = operations.filter((op) => !op.def.hidden);
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

function dateLikeValues(value: unknown, path = ''): Array<[string, string]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => dateLikeValues(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      typeof v === 'string' && /(date|At$|Time$|^start$|^end$)/i.test(k) && /^\d{4}-\d{2}-\d{2}T/.test(v)
        ? [[`${path}${k}`, v] as [string, string]]
        : dateLikeValues(v, `${path}${k}.`),
    );
  }
  return [];
}

describe('app definition', () => {
  it('has operations of every kind, each key registered once', () => {
    const keys = operations.map((op) => op.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(App.triggers).length).toBeGreaterThan(0);
    expect(Object.keys(App.creates).length).toBeGreaterThan(0);
    expect(Object.keys(App.searches).length).toBeGreaterThan(0);
  });

  it.each(visible.map((op) => [op.key, op]))('%s: label, description and sample follow Zapier checks', (_key, op) => {
    const { def } = op;
    expect(def.label).toMatch(/\S/);
    // D018: Title Case labels.
    for (const word of def.label.split(/\s+/)) {
      if (!SMALL_WORDS.has(word)) expect(word[0]).toBe(word[0].toUpperCase());
    }
    expect(def.description.length).toBeGreaterThan(15);
    if (op.kind === 'trigger') expect(def.description).toMatch(/^Triggers when /); // D021
    expect(def.sample.id).toBeDefined(); // D010
    for (const [where, value] of dateLikeValues(def.sample)) {
      expect([where, ISO_WITH_ZONE.test(value)]).toEqual([where, true]); // D023: ISO-8601 with zone
    }
    expect(def.outputFields?.length).toBeGreaterThan(0);
  });

  it.each(operations.map((op) => [op.key, op]))('%s: every input field has a label and help text', (_key, op) => {
    for (const field of op.def.fields) {
      expect([field.key, field.label?.length > 0]).toEqual([field.key, true]);
      expect([field.key, (field.helpText ?? '').length > 10]).toEqual([field.key, true]);
      expect([field.key, field.helpText !== field.label]).toEqual([field.key, true]); // D011
    }
  });

  it.each(operations.map((op) => [op.key, op]))('%s: dropdowns and search links point at existing operations', (_key, op) => {
    for (const field of op.definition.operation.inputFields.filter((f: unknown) => typeof f !== 'function')) {
      if (field.dynamic) {
        const [trigger, idField] = field.dynamic.split('.');
        expect([field.key, trigger, Boolean(App.triggers[trigger])]).toEqual([field.key, trigger, true]); // D004/D005
        expect(idField).toBe('id');
      }
      if (field.search) {
        const [search] = field.search.split('.');
        expect([field.key, search, Boolean(App.searches[search])]).toEqual([field.key, search, true]); // D013
        expect(field.dynamic).toBeDefined(); // D014
      }
    }
  });

  it.each(operations.map((op) => [op.key, op]))('%s: a dropdown links the search that finds its records', (_key, op) => {
    // D014 / issue 3: `x_list` dropdowns offer "add a search step" with `find_x` wherever that search exists.
    const zapierFields = op.definition.operation.inputFields.filter((f: unknown) => typeof f !== 'function');
    for (const field of zapierFields) {
      const list = field.dynamic?.split('.')[0];
      const search = list?.endsWith('_list') ? `find_${list.slice(0, -'_list'.length)}` : undefined;
      if (search && App.searches[search]) expect([field.key, field.search]).toEqual([field.key, `${search}.id`]);
    }
    // A field linked to a search the app has: the common user field, for one.
    if (op.key === 'create_task') expect(zapierFields.find((f: any) => f.key === 'assignedTo').search).toBe('find_user.id');
  });

  it.each(operations.map((op) => [op.key, op]))('%s: id fields are dropdowns', (_key, op) => {
    // A search may take a raw ID to look up (labelled "... ID"); everywhere else an id is picked from a list.
    for (const field of op.def.fields) {
      const isId = /(Id|Ids)$/.test(field.key) || ['assignedTo', 'followers', 'teamMembers'].includes(field.key);
      const rawLookup = op.kind === 'search' && / ID$/.test(field.label);
      if (isId && !rawLookup) expect([field.key, Boolean(field.dynamic || field.choices)]).toEqual([field.key, true]);
    }
  });

  it.each(operations.flatMap((op) => op.endpoints.map((e) => [`${op.key} → ${e.method} ${e.path}`, e] as const)))(
    '%s matches the OpenAPI spec (operationId, method, path, Version, scope)',
    (_name, endpoint) => {
      const spec = findOperationById(endpoint.specFile, endpoint.operationId);
      expect(spec).toBeDefined();
      expect(spec!.method).toBe(endpoint.method);
      expect(spec!.pathTemplate).toBe(endpoint.path);
      if (spec!.version) expect(endpoint.version).toBe(spec!.version);
      if (spec!.scopes.length) expect(spec!.scopes).toContain(endpoint.scope);
    },
  );

  it.each(operations.map((op) => [op.key, op]))("%s: sample validates against the endpoint's response schema", (_key, op) => {
    const { def } = op;
    const record = op.kind === 'trigger' && def.resultKey ? [def.sample] : def.sample;
    // sampleAnswer: HighLevel's answer, for operations whose output is reshaped from it (e.g. one result per slot).
    const body = def.sampleAnswer !== undefined ? def.sampleAnswer : def.resultKey ? { [def.resultKey]: record } : record;
    const result = checkResponse(def.endpoint.method, def.endpoint.path, 200, body);
    // The sample is the record under resultKey: fields HighLevel requires beside it (total, success, traceId...)
    // are not part of what the step outputs.
    const errors = result.errors.filter((e) => {
      const sibling = /^response\/(\w+) is required$/.exec(e);
      return !(def.resultKey && def.sampleAnswer === undefined && sibling && sibling[1] !== def.resultKey);
    });
    expect(errors).toEqual([]);
  });

  it('requests exactly the scopes its operations need (instant triggers: their webhook events too)', () => {
    const scopes = requiredScopes();
    const needed = new Set(operations.flatMap((op) => [...op.endpoints.map((e) => e.scope), ...(op.scopes ?? [])]));
    for (const scope of needed) expect(scopes).toContain(scope);
    expect(App.authentication.oauth2Config.scope.split(' ').sort()).toEqual(scopes);
  });
});

// Instant triggers (REST hooks on the relay, src/factories/hook.ts): what Zapier checks for hooks (D006 performList,
// D010 sample id, D021 descriptions) and what HighLevel needs (each event's scope requested).
describe('instant triggers', () => {
  const hooks = operations.filter((op) => op.hook);

  it('the app has 25 instant triggers (24 typed, 8 of them for invoices, orders and records, and New HighLevel Event), each a visible trigger', () => {
    expect(hooks).toHaveLength(25);
    for (const op of hooks)
      expect([op.key, op.kind, Boolean(App.triggers[op.key]), !!op.def.hidden]).toEqual([op.key, 'trigger', true, false]);
  });

  it.each(hooks.map((op) => [op.key, op]))(
    '%s: a REST hook with label, description, sample with id, output fields and performList',
    (_key, op) => {
      const zapier = App.triggers[op.key];
      expect(zapier.operation.type).toBe('hook');
      for (const method of ['perform', 'performList', 'performSubscribe', 'performUnsubscribe'])
        expect([method, typeof zapier.operation[method]]).toEqual([method, 'function']);
      expect(zapier.display.label).toMatch(/^[A-Z].* \(Instant\)$/);
      expect(zapier.display.description).toMatch(/^Triggers when .*Instant/);
      expect(zapier.operation.sample.id).toBeDefined();
      const outputKeys = zapier.operation.outputFields.filter((f: unknown) => typeof f !== 'function').map((f: { key: string }) => f.key);
      expect(outputKeys).toContain('id');
      for (const field of zapier.operation.outputFields.filter((f: unknown) => typeof f !== 'function')) expect(field.label).toMatch(/\S/);
      // Its events are HighLevel's, and their scopes are requested.
      const known = new Set(EVENT_TYPES.map((t) => t.type));
      for (const event of op.hook!.events) expect([event, known.has(event)]).toEqual([event, true]);
      for (const scope of op.scopes ?? []) expect(requiredScopes()).toContain(scope);
    },
  );

  it('every typed instant trigger keeps its polling twin’s output keys (a zap can switch without re-mapping)', () => {
    for (const op of hooks.filter((h) => h.key !== 'new_highlevel_event_instant')) {
      const twinKeys = App.triggers[op.key.replace(/_instant$/, '')]?.operation.outputFields;
      if (!twinKeys) continue; // no twin of the same name (deleted, DND, task completed, outbound): checked by their tests
      const keys = (fields: any[]) => fields.filter((f) => typeof f !== 'function').map((f) => f.key);
      expect([op.key, keys(twinKeys).filter((k: string) => !keys(App.triggers[op.key].operation.outputFields).includes(k))]).toEqual([
        op.key,
        [],
      ]);
    }
  });

  it("the event catalogue: about 60 of HighLevel's event types, each unlocked by a scope HighLevel's specs declare", () => {
    expect(EVENT_TYPES.length).toBeGreaterThanOrEqual(50);
    expect(new Set(EVENT_TYPES.map((t) => t.type)).size).toBe(EVENT_TYPES.length);
    const specScopes = new Set(listOperations().flatMap((o) => o.scopes));
    for (const t of EVENT_TYPES) expect([t.type, t.scope, specScopes.has(t.scope)]).toEqual([t.type, t.scope, true]);
    const generic = hooks.find((op) => op.key === 'new_highlevel_event_instant')!;
    expect(Object.keys(App.triggers[generic.key].operation.inputFields.find((f: any) => f.key === 'eventType').choices)).toEqual(
      EVENT_TYPES.map((t) => t.type),
    );
  });
});
