import { checkResponse, findOperation, operationSchemas, resolveSchemaRef, SpecOperation } from '../contract/openapi';
import { findRoute, Method, Route } from './routes/route';

/**
 * Every spec operation without a hand-written route is still served (issue 13 §6): the server checks the request
 * against the spec as for any route, and this answers with the spec's own example of the success response (built
 * from the response schema's `example`s, else from its types), so API Request works end to end with no account.
 * It keeps no state: a created record is not there to read back.
 */

type Json = Record<string, any>;

const templateShape = (template: string) => template.replace(/\{[^}]+\}/g, '{}').replace(/\/+$/, '');

/**
 * The route for a request: the hand-written one, unless the spec routes the path to another operation (a literal
 * segment such as `/calendars/events` beats a hand-written `/calendars/{calendarId}`), else the spec example.
 */
export function routeFor(routes: Route[], method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
  const hand = findRoute(routes, method, pathname);
  const spec = findOperation(method, pathname);
  if (hand && (!spec || templateShape(hand.route.path) === templateShape(spec.pathTemplate))) return hand;
  if (!spec) return hand;
  return { route: exampleRoute(spec), params: {} };
}

const routesByOperation = new Map<string, Route>();

function exampleRoute(op: SpecOperation): Route {
  const key = `${op.method} ${op.pathTemplate}`;
  let route = routesByOperation.get(key);
  if (!route) {
    const { status, body } = exampleAnswer(op);
    route = { method: op.method as Method, path: op.pathTemplate, handle: () => ({ status, body: structuredClone(body) }) };
    routesByOperation.set(key, route);
  }
  return route;
}

/** The first 2xx response the spec declares and an example body that validates against its schema. */
export function exampleAnswer(op: SpecOperation): { status: number; body: unknown } {
  const { responses } = operationSchemas(op);
  const key = Object.keys(responses).find((k) => /^2\d\d$/.test(k)) ?? '200';
  const status = Number(key);
  const schema = responses[key];
  if (!schema) return { status, body: {} };
  // A `oneOf` needs a value that matches exactly one option: try the options in turn, with and without examples.
  // Last resort (option -1): empty lists, for list items no value can match exactly one option of.
  const candidates = [0, 1, 2, 3, -1].flatMap((option) => [example(schema, true, option), example(schema, false, option)]);
  const body = candidates.find((c) => checkResponse(op.method, op.pathTemplate, status, c).ok) ?? candidates[1];
  return { status, body };
}

function resolve(schema: Json | undefined, seen: string[]): Json {
  let s: Json = schema ?? {};
  while (typeof s.$ref === 'string' && !seen.includes(s.$ref)) {
    seen.push(s.$ref);
    const { $ref, ...rest } = s;
    s = { ...resolveSchemaRef($ref), ...rest };
  }
  if (Array.isArray(s.allOf)) {
    const merged: Json = { properties: {}, required: [] };
    for (const part of s.allOf.map((p: Json) => resolve(p, [...seen]))) {
      Object.assign(merged.properties, part.properties ?? {});
      merged.required.push(...(part.required ?? []));
      for (const [k, v] of Object.entries(part)) if (merged[k] === undefined) merged[k] = v;
    }
    s = { ...s, ...merged, allOf: undefined };
  }
  return s;
}

const SAMPLE_STRINGS: Record<string, string> = {
  'date-time': '2026-01-31T15:00:00.000Z',
  date: '2026-01-31',
  email: 'rosa@example.com',
  uri: 'https://example.com/a',
  url: 'https://example.com/a',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
};

/** A value for `schema`: its examples when `useExamples`, else one by type (objects get every property). */
function example(schema: Json | undefined, useExamples: boolean, option = 0, depth = 0, seen: string[] = []): unknown {
  const s = resolve(schema, seen);
  if (depth > 10) return undefined;
  if (useExamples && s.example !== undefined) return s.example;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum.find((v: unknown) => v !== null) ?? s.enum[0];
  for (const k of ['anyOf', 'oneOf']) {
    if (Array.isArray(s[k]) && s[k].length)
      return example(s[k][Math.max(0, Math.min(option, s[k].length - 1))], useExamples, option, depth + 1, [...seen]);
  }
  const type = (Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type) ?? (s.properties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      const out: Json = {};
      for (const [name, sub] of Object.entries<Json>(s.properties ?? {})) {
        const value = example(sub, useExamples, option, depth + 1, [...seen]);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    case 'array': {
      if (option < 0) return [];
      const item = example(s.items, useExamples, option, depth + 1, [...seen]);
      return item === undefined ? [] : [item];
    }
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 1;
    case 'boolean':
      return true;
    case 'string':
      return SAMPLE_STRINGS[s.format] ?? 'abc123';
    default:
      return depth === 0 ? {} : undefined;
  }
}
