import * as fs from 'fs';
import * as path from 'path';
import {
  checkRequest,
  checkResponse,
  compileAllSchemas,
  ContractRequest,
  deviationsFor,
  findOperation,
  findOperationById,
  listOperations,
  operationSchemas,
  specDirectory,
} from '../../contract/openapi';
import { specDeviations } from '../../contract/deviations';

const TOKEN = 'Bearer test-token';
const V1 = '2021-07-28';
const V2 = '2021-04-15';

function req(method: string, url: string, body?: unknown, headers: Record<string, string | undefined> = {}): ContractRequest {
  return { method, url, body, headers: { Authorization: TOKEN, Version: V1, 'Content-Type': 'application/json', ...headers } };
}

function expectOk(r: ReturnType<typeof checkRequest>): void {
  expect(r.errors).toEqual([]);
  expect(r.ok).toBe(true);
}

function expectError(r: ReturnType<typeof checkRequest>, pattern: RegExp): void {
  expect(r.ok).toBe(false);
  expect(r.errors.some((e) => pattern.test(e))).toBe(true);
}

// ---------------------------------------------------------------------------------------------------------
// A small example builder over the RAW spec JSON (independent from the checker's own normalization).

function readSpec(file: string): any {
  return JSON.parse(fs.readFileSync(path.join(specDirectory(), file), 'utf8'));
}

function exampleFrom(schema: any, doc: any, depth = 0): unknown {
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop()!;
    return exampleFrom(doc.components.schemas[name], doc, depth + 1);
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s: any) => exampleFrom(s, doc, depth + 1)));
  if (schema.anyOf || schema.oneOf) return exampleFrom((schema.anyOf ?? schema.oneOf)[0], doc, depth + 1);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return 'text';
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return depth > 8 ? [] : [exampleFrom(schema.items ?? {}, doc, depth + 1)];
    default: {
      const out: Record<string, unknown> = {};
      if (depth > 8) return out;
      for (const [k, s] of Object.entries<any>(schema.properties ?? {})) out[k] = exampleFrom(s, doc, depth + 1);
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------

describe('loading the specs', () => {
  it('finds the operations of all 41 specs (and skips non-spec JSON files)', () => {
    const ops = listOperations();
    expect(ops.length).toBeGreaterThan(400);
    const files = new Set(ops.map((o) => o.specFile));
    const specFiles = fs
      .readdirSync(specDirectory())
      .filter((f) => f.endsWith('.json'))
      .filter((f) => {
        const doc = JSON.parse(fs.readFileSync(path.join(specDirectory(), f), 'utf8'));
        return doc && typeof doc === 'object' && !Array.isArray(doc) && typeof doc.openapi === 'string' && doc.paths;
      });
    expect(specFiles.length).toBe(41);
    for (const f of specFiles) expect(files.has(f)).toBe(true);
  });

  it('compiles every request body, parameter and response schema of every operation', () => {
    const result = compileAllSchemas();
    expect(result.failures).toEqual([]);
    expect(result.operations).toBe(listOperations().length);
    // every operation with a request body / 2xx JSON response has a compiled validator behind it
    for (const op of listOperations()) {
      const { requestBody, responses } = operationSchemas(op);
      if (op.hasRequestBody) expect(requestBody === undefined || typeof requestBody === 'object').toBe(true);
      for (const [status, schema] of Object.entries(responses)) {
        if (!/^2/.test(status) || !schema) continue;
        // validating anything must not throw (the validator exists and runs)
        expect(() => checkResponse(op.method, op.pathTemplate, Number(status), {})).not.toThrow();
      }
    }
  });

  it('reports the Version each operation declares', () => {
    expect(findOperation('POST', '/contacts/')?.version).toBe(V1);
    expect(findOperation('GET', '/calendars/events')?.version).toBe(V2);
    expect(findOperation('GET', '/conversations/messages/email/abc')?.version).toBeNull(); // the spec declares none
  });

  it('flattens scopes and looks operations up by id', () => {
    const op = findOperationById('contacts.json', 'create-contact');
    expect(op).toMatchObject({ method: 'POST', pathTemplate: '/contacts/', scopes: ['contacts.write'], hasRequestBody: true });
    // the same operationId in two files (a copy-paste defect of contacts.json) stays distinct per file
    expect(findOperationById('contacts.json', 'create-association')?.pathTemplate).toBe('/contacts/bulk/tags/update/{type}');
    expect(findOperationById('associations.json', 'create-association')?.pathTemplate).toBe('/associations/');
    expect(findOperationById('contacts.json', 'no-such-operation')).toBeUndefined();
  });
});

describe('checkRequest', () => {
  const validContact = { locationId: 'x', firstName: 'A', email: 'a@b.co' };

  it('accepts a valid Create Contact request', () => {
    const r = checkRequest(req('POST', '/contacts/', validContact));
    expectOk(r);
    expect(r.operation?.operationId).toBe('create-contact');
  });

  it('accepts an absolute URL on any host, and headers in any case', () => {
    expectOk(
      checkRequest({
        method: 'post',
        url: 'https://services.leadconnectorhq.com/contacts/',
        headers: { authorization: TOKEN, version: V1, 'content-type': 'application/json; charset=utf-8' },
        body: validContact,
      }),
    );
  });

  it('rejects a wrong Version header, naming the header and the expected value', () => {
    const r = checkRequest(req('POST', '/contacts/', validContact, { Version: V2 }));
    expectError(r, /^header Version must be one of 2021-07-28 \(got 2021-04-15\)$/);
  });

  it('rejects a missing Version header', () => {
    expectError(checkRequest(req('POST', '/contacts/', validContact, { Version: undefined })), /^header Version is required/);
  });

  it('rejects a missing or non-Bearer Authorization header', () => {
    expectError(checkRequest(req('POST', '/contacts/', validContact, { Authorization: undefined })), /header Authorization is required/);
    expectError(
      checkRequest(req('POST', '/contacts/', validContact, { Authorization: 'Basic abc' })),
      /Authorization must be "Bearer <token>"/,
    );
  });

  it('rejects a body without a required property, naming it', () => {
    const r = checkRequest(req('POST', '/contacts/', { firstName: 'A' }));
    expectError(r, /^body\/locationId is required$/);
  });

  it('rejects a missing required body', () => {
    expectError(checkRequest(req('POST', '/contacts/', undefined)), /^body is required$/);
  });

  it('rejects an invalid email', () => {
    const r = checkRequest(req('POST', '/contacts/', { ...validContact, email: 'not-an-email' }));
    expectError(r, /^body\/email must match format "email"$/);
  });

  it('rejects wrong body types (OpenAPI nullable is honoured)', () => {
    expectError(checkRequest(req('POST', '/contacts/', { ...validContact, dnd: 'yes' })), /^body\/dnd must be boolean$/);
    expectError(checkRequest(req('POST', '/contacts/', { ...validContact, tags: 'a,b' })), /^body\/tags must be array$/);
    expectOk(checkRequest(req('POST', '/contacts/', { ...validContact, firstName: null, email: null })));
  });

  it('rejects an unknown path or method', () => {
    expectError(checkRequest(req('POST', '/foo', {})), /^no operation POST \/foo in the specs$/);
    expectError(checkRequest(req('PATCH', '/contacts/abc', {})), /^no operation PATCH/);
  });

  it('prefers literal segments over parameters', () => {
    const dup = checkRequest(req('GET', '/contacts/search/duplicate?locationId=x&email=a%40b.co'));
    expectOk(dup);
    expect(dup.operation?.operationId).toBe('get-duplicate-contact');
    expect(findOperation('GET', '/contacts/abc123')?.operationId).toBe('get-contact');
    expect(findOperation('POST', '/contacts/search')?.operationId).toBe('search-contacts-advanced');
    expect(findOperation('POST', '/contacts/upsert')?.operationId).toBe('upsert-contact');
    expect(findOperation('GET', '/opportunities/pipelines?locationId=x')?.operationId).toBe('get-pipelines');
    expect(findOperation('GET', '/opportunities/abc')?.operationId).toBe('get-opportunity');
  });

  it('tolerates a missing/extra trailing slash but never matches an empty path parameter', () => {
    expect(findOperation('POST', '/contacts')?.operationId).toBe('create-contact');
    expect(findOperation('GET', '/contacts/abc/')?.operationId).toBe('get-contact');
    expectError(checkRequest(req('PUT', '/contacts//tasks/t1', { title: 'x' })), /^path\.contactId must not be empty$/);
  });

  it('rejects a missing required query parameter', () => {
    expectError(checkRequest(req('GET', '/contacts/search/duplicate?email=a%40b.co')), /^query\.locationId is required$/);
  });

  it('coerces and validates query values, and rejects undeclared query parameters', () => {
    expectOk(checkRequest(req('GET', '/associations/?locationId=x&skip=0&limit=10')));
    expectError(checkRequest(req('GET', '/associations/?locationId=x&skip=0&limit=ten')), /^query\.limit must be number$/);
    expectError(checkRequest(req('GET', '/contacts/search/duplicate?locationId=x&emial=a')), /^query\.emial is not declared by the spec$/);
    expectOk(checkRequest(req('GET', '/calendars/abc/notifications?isActive=true', undefined, { Version: V2 })));
    expectError(
      checkRequest(req('GET', '/calendars/abc/notifications?isActive=maybe', undefined, { Version: V2 })),
      /^query\.isActive must be boolean$/,
    );
  });

  it('requires Version 2021-04-15 on calendars', () => {
    const url = '/calendars/events?locationId=x&calendarId=c&startTime=1680373800000&endTime=1680978599999';
    const ok = checkRequest(req('GET', url, undefined, { Version: V2 }));
    expectOk(ok);
    expect(ok.operation?.version).toBe(V2);
    expectError(checkRequest(req('GET', url)), /^header Version must be one of 2021-04-15 \(got 2021-07-28\)$/);
  });

  it('validates declared path parameter schemas (enums)', () => {
    const base = '/calendars/resources/%s?locationId=x&limit=10&skip=0';
    expectOk(checkRequest(req('GET', base.replace('%s', 'rooms'), undefined, { Version: V2 })));
    expectError(checkRequest(req('GET', base.replace('%s', 'desks'), undefined, { Version: V2 })), /^path\.resourceType must be one of/);
  });

  it('rejects a body on an operation that declares none', () => {
    expectError(checkRequest(req('GET', '/contacts/abc', { locationId: 'x' })), /declares no request body/);
    expectOk(checkRequest(req('GET', '/contacts/abc', undefined)));
  });

  it('accepts array bodies where the spec declares them (calendar notifications)', () => {
    const url = '/calendars/cal1/notifications';
    const n = { receiverType: 'contact', channel: 'email', notificationType: 'booked' };
    expectOk(checkRequest(req('POST', url, [n], { Version: V2 })));
    expectError(checkRequest(req('POST', url, n, { Version: V2 })), /^body must be array$/);
    expectError(checkRequest(req('POST', url, [{ channel: 'email' }], { Version: V2 })), /^body\/0\/receiverType is required$/);
  });

  it('accepts the OAuth token request without Authorization, with a form body (string or object)', () => {
    const form = 'client_id=a&client_secret=b&grant_type=refresh_token&refresh_token=r';
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const base = { method: 'POST', url: '/oauth/token', headers };
    expectOk(checkRequest({ ...base, body: form }));
    expectOk(checkRequest({ ...base, body: { client_id: 'a', client_secret: 'b', grant_type: 'authorization_code', code: 'c' } }));
    expectError(checkRequest({ ...base, body: 'client_id=a&grant_type=refresh_token' }), /^body\/client_secret is required$/);
    expectError(checkRequest({ ...base, body: 'client_id=a&client_secret=b&grant_type=password' }), /^body\/grant_type must be one of/);
  });
});

describe('deviations', () => {
  it('every entry has a unique id, the documented fields, and names an operation of the specs', () => {
    const ids = new Set<string>();
    for (const d of specDeviations) {
      expect(d.id).toMatch(/^[a-z0-9-]+$/);
      expect(ids.has(d.id)).toBe(false);
      ids.add(d.id);
      expect(d.what.length).toBeGreaterThan(10);
      expect(d.evidence.length).toBeGreaterThan(10);
      const [method, template] = d.operation.split(' ');
      const op = listOperations().find((o) => o.method === method && o.pathTemplate.replace(/\/$/, '') === template.replace(/\/$/, ''));
      expect(op).toBeDefined();
      expect(deviationsFor(op!).map((x) => x.id)).toContain(d.id);
    }
  });

  describe('contact search body (the spec declares an empty schema)', () => {
    const url = '/contacts/search';
    it('accepts the documented body', () => {
      expectOk(
        checkRequest(
          req('POST', url, {
            locationId: 'loc',
            pageLimit: 100,
            page: 1,
            query: 'jane',
            filters: [
              { field: 'tags', operator: 'contains', value: ['vip'] },
              {
                group: 'OR',
                filters: [
                  { field: 'email', operator: 'exists' },
                  { field: 'phone', operator: 'eq', value: '+1' },
                ],
              },
            ],
            sort: [{ field: 'dateAdded', direction: 'desc' }],
          }),
        ),
      );
      expectOk(checkRequest(req('POST', url, { locationId: 'loc', pageLimit: 500, searchAfter: [1700000000000, 'abc'] })));
    });
    it('rejects what the documentation rules out', () => {
      expectError(checkRequest(req('POST', url, { locationId: 'loc', pageLimit: 'ten' })), /^body\/pageLimit must be integer$/);
      expectError(checkRequest(req('POST', url, { pageLimit: 'ten' })), /^body\/locationId is required$/);
      expectError(checkRequest(req('POST', url, { locationId: 'loc' })), /^body\/pageLimit is required$/);
      expectError(checkRequest(req('POST', url, { locationId: 'loc', pageLimit: 501 })), /^body\/pageLimit must be <= 500$/);
      expectError(
        checkRequest(req('POST', url, { locationId: 'loc', pageLimit: 10, query: 'q'.repeat(76) })),
        /^body\/query must NOT have more than 75 characters$/,
      );
      expectError(
        checkRequest(req('POST', url, { locationId: 'loc', pageLimit: 10, sort: [{ field: 'dateAdded', direction: 'down' }] })),
        /^body\/sort\/0\/direction must be one of "asc", "desc"$/,
      );
    });
  });

  it('undeclared path parameters are required and non-empty, but not reported as undeclared', () => {
    expectOk(checkRequest(req('PUT', '/users/u1', {})));
    expectOk(checkRequest(req('DELETE', '/users/u1')));
    expectError(checkRequest(req('DELETE', '/users//')), /path\.userId must not be empty/);
    expectOk(checkRequest(req('GET', '/conversations/messages/m1', undefined, { Version: V2 })));
    expectOk(checkRequest(req('PUT', '/calendars/appointments/a1/notes/n1', { body: 'note' }, { Version: V2 })));
  });

  it('bulk tag update: {type} is add|remove and a token is required', () => {
    const body = { contacts: ['c1'], tags: ['t'], locationId: 'loc' };
    expectOk(checkRequest(req('POST', '/contacts/bulk/tags/update/add', body)));
    expectError(checkRequest(req('POST', '/contacts/bulk/tags/update/toggle', body)), /^path\.type must be one of "add", "remove"$/);
    expectError(
      checkRequest(req('POST', '/contacts/bulk/tags/update/add', body, { Authorization: undefined })),
      /Authorization is required/,
    );
    expect(findOperation('POST', '/contacts/bulk/tags/update/add')?.scopes).toEqual(['contacts.write']);
  });

  it('opportunity search and upsert only require what is really required', () => {
    expectOk(checkRequest(req('POST', '/opportunities/search', { locationId: 'loc', limit: 10 })));
    expectError(checkRequest(req('POST', '/opportunities/search', { limit: 10 })), /^body\/locationId is required$/);
    expectOk(checkRequest(req('POST', '/opportunities/upsert', { pipelineId: 'p', locationId: 'loc', name: 'Deal', monetaryValue: 220 })));
    expectError(checkRequest(req('POST', '/opportunities/upsert', { locationId: 'loc' })), /^body\/pipelineId is required$/);
  });

  it('association labels are strings, and the list responses are lists', () => {
    const body = {
      locationId: 'loc',
      key: 'student_teacher',
      firstObjectLabel: 'student',
      firstObjectKey: 'custom_objects.children',
      secondObjectLabel: 'teacher',
      secondObjectKey: 'contact',
    };
    expectOk(checkRequest(req('POST', '/associations/', body)));
    const item = {
      locationId: 'loc',
      id: 'a1',
      key: 'k',
      firstObjectLabel: 'student',
      firstObjectKey: 'contact',
      secondObjectLabel: 'teacher',
      secondObjectKey: 'contact',
      associationType: 'USER_DEFINED',
    };
    expect(checkResponse('GET', '/associations/{associationId}', 200, item).ok).toBe(true);
    expect(checkResponse('GET', '/associations/', 200, { associations: [item], total: 1 }).ok).toBe(true);
    expect(checkResponse('GET', '/associations/', 200, [item]).ok).toBe(true);
    expect(checkResponse('GET', '/associations/', 200, item).ok).toBe(false);
    const relation = { id: 'r1', associationId: 'a1', firstRecordId: 'c1', secondRecordId: 'o1', locationId: 'loc' };
    expect(checkResponse('GET', '/associations/relations/{recordId}', 200, { relations: [relation], total: 1 }).ok).toBe(true);
  });

  it('location task search answers a list of task objects (the spec says a list of arrays)', () => {
    expect(checkResponse('POST', '/locations/{locationId}/tasks/search', 200, { tasks: [{ _id: 't1', title: 'Call' }] }).errors).toEqual(
      [],
    );
    expect(checkResponse('POST', '/locations/loc1/tasks/search', 200, { tasks: [['t1']] }).ok).toBe(false);
  });

  it('blog categories without "name" (which the schema does not define) pass', () => {
    const category = {
      _id: 'c1',
      label: 'News',
      locationId: 'loc',
      updatedAt: '2025-01-03T11:06:35.822Z',
      canonicalLink: 'x',
      urlSlug: 'news',
    };
    expect(checkResponse('GET', '/blogs/categories', 200, { categories: [category] })).toMatchObject({ ok: true });
    const { _id, ...withoutId } = category;
    void _id;
    expect(checkResponse('GET', '/blogs/categories', 200, { categories: [withoutId] }).errors).toEqual([
      'response/categories/0/_id is required',
    ]);
  });
});

describe('undeclared request-body properties (HighLevel answers 422 "property X should not exist")', () => {
  const calendar = (body: unknown) => checkRequest(req('PUT', '/calendars/cal1', body, { Version: V2 }));
  const contact = (body: unknown) => checkRequest(req('PUT', '/contacts/c1', body));

  it('rejects an undeclared top-level property, naming it', () => {
    const r = calendar({ name: 'Demo', calendarType: 'event' });
    expect(r.errors).toEqual(['body/calendarType is not declared by the spec']);
    expect(r.ok).toBe(false);
  });

  it('rejects an undeclared property inside a nested object (through $ref, arrays and anyOf)', () => {
    const r = contact({ firstName: 'Ann', customFields: [{ id: 'f1', field_value: 'x', colour: 'red' }] });
    expect(r.errors).toEqual(['body/customFields/0/colour is not declared by the spec']);
    expectError(
      contact({ dndSettings: { Email: { status: 'active', reason: 'x' } } }),
      /^body\/dndSettings\/Email\/reason is not declared by the spec$/,
    );
  });

  it('accepts declared properties, at the top level and nested', () => {
    expectOk(calendar({ name: 'Demo', description: 'Intro call', slotDuration: 30 }));
    expectOk(
      contact({
        firstName: 'Ann',
        tags: ['vip'],
        customFields: [{ id: 'f1', field_value: 'x' }],
        dndSettings: { Email: { status: 'active' } },
      }),
    );
  });

  it('leaves objects whose schema declares no properties alone', () => {
    // the search body's filter `value` is {} (anything); the body itself declares its properties
    expectOk(
      checkRequest(
        req('POST', '/contacts/search', {
          locationId: 'loc',
          pageLimit: 10,
          filters: [{ field: 'customFields.x', operator: 'eq', value: { any: 1 } }],
        }),
      ),
    );
    expectError(
      checkRequest(req('POST', '/contacts/search', { locationId: 'loc', pageLimit: 10, limit: 5 })),
      /^body\/limit is not declared by the spec$/,
    );
  });

  it('still lets responses carry properties the spec does not declare', () => {
    const contactResponse = {
      contact: { id: 'c1', firstName: 'Ann', somethingNew: true, dndSettings: { Email: { status: 'active', extra: 1 } } },
      traceId: 't',
    };
    expect(checkResponse('GET', '/contacts/{contactId}', 200, contactResponse)).toMatchObject({ ok: true, errors: [] });
  });
});

describe('checkResponse', () => {
  const contacts = readSpec('contacts.json');
  const schema = contacts.paths['/contacts/{contactId}'].get.responses['200'].content['application/json'].schema;
  const example = exampleFrom(schema, contacts) as { contact: Record<string, unknown> };

  it("accepts the spec's own example for GET /contacts/{contactId}", () => {
    expect(example.contact.id).toBe('seD4PfOuKoVMLkEZqohJ');
    expect(checkResponse('GET', '/contacts/{contactId}', 200, example)).toMatchObject({ ok: true, errors: [] });
    // a concrete path works as well as the template
    expect(checkResponse('GET', '/contacts/seD4PfOuKoVMLkEZqohJ', 200, example).ok).toBe(true);
  });

  it('rejects a response with a wrong type', () => {
    const bad = { contact: { ...example.contact, tags: 'vip', dnd: 'yes' } };
    const r = checkResponse('GET', '/contacts/{contactId}', 200, bad);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual(expect.arrayContaining(['response/contact/tags must be array', 'response/contact/dnd must be boolean']));
  });

  it('uses the first 2xx response for an undeclared 2xx status, and is ok without a schema', () => {
    // create-contact declares 201 only
    expect(checkResponse('POST', '/contacts/', 200, { contact: { id: 1 } }).ok).toBe(false);
    // search-contacts-advanced declares a 200 without content
    expect(checkResponse('POST', '/contacts/search', 200, 'anything').ok).toBe(true);
    // no such operation
    expect(checkResponse('GET', '/nope', 200, {}).ok).toBe(false);
  });

  it('validates error responses against the shared common schemas', () => {
    expect(checkResponse('POST', '/contacts/', 422, { statusCode: 422, message: ['email must be an email'] }).ok).toBe(true);
    expect(checkResponse('POST', '/contacts/', 400, { statusCode: 'bad' }).ok).toBe(false);
  });
});

describe('performance', () => {
  it('checks thousands of requests quickly (validators are compiled once)', () => {
    // CPU time, not wall time: on a shared, busy machine the wall clock measures the neighbours.
    const started = process.cpuUsage();
    for (let i = 0; i < 5000; i++) {
      checkRequest(req('POST', '/contacts/', { locationId: `loc${i}`, email: `a${i}@b.co` }));
      checkRequest(req('GET', `/contacts/search/duplicate?locationId=x&email=a${i}%40b.co`));
    }
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(5000);
  });
});
