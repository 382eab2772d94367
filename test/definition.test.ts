// Checks on the whole app definition that offline `zapier-platform validate` does not make (Zapier's
// integration checks D010–D024 and our own rules), over every operation the app defines.
import { checkResponse, findOperationById } from '../contract/openapi';
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

  it('requests exactly the scopes its operations need', () => {
    const scopes = requiredScopes();
    const needed = new Set(operations.flatMap((op) => op.endpoints.map((e) => e.scope)));
    for (const scope of needed) expect(scopes).toContain(scope);
    expect(App.authentication.oauth2Config.scope.split(' ').sort()).toEqual(scopes);
  });
});
