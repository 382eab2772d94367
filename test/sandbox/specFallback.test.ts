import * as http from 'http';
import { AddressInfo } from 'net';
import { findOperationById } from '../../contract/openapi';
import { routes } from '../../sandbox/routes';
import { exampleAnswer, routeFor } from '../../sandbox/specFallback';
import { indexOperations, synthesizedInput } from '../support/apiRequestInputs';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { appTester, operation } from '../support/highlevel';
import { sandboxApp } from './support';

// Issue 13 §6: the sandbox answers every spec operation it has no hand-written route for with the spec's example
// (after checking the request against the spec), so API Request works end to end with no account. The harness
// checks every response against the spec and fails on any request the sandbox refused as off-contract (422).

const concrete = (template: string) => template.replace(/\{[^}]+\}/g, 'abc123');
const fallbackOps = indexOperations().filter(
  (op) =>
    routeFor(routes, op.method, concrete(op.path))?.route.path === op.path &&
    !routes.some((r) => r.method === op.method && r.path === op.path),
);

describe.each([
  ['a sub-account connection', false],
  ['an agency connection', true],
])('API Request against the sandbox, on %s', (_what, agency) => {
  const app = sandboxApp({ agency });
  const ops = fallbackOps.filter((op) => op.agencyOnly === agency);
  // The runtime's own z from one invocation: a full appTester round per operation would cost ~100 ms each.
  let z: ZObject;
  // The file the uploads (multipart operations) send, served on loopback as an earlier step's file would be.
  let files: http.Server;
  let fileUrl = '';
  beforeAll(async () => {
    files = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/csv' }).end('name,email\nRosa,rosa@example.com\n'));
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/contacts.csv`;
  });
  afterAll(() => new Promise<void>((resolve) => files.close(() => resolve())));
  beforeAll(async () => {
    await appTester(
      async (runtimeZ: ZObject) => {
        z = runtimeZ;
        return {};
      },
      { authData: app.authData } as any,
    );
  });

  it('every operation without a hand-written route is answered from the spec, and the step returns the answer', async () => {
    const failed: string[] = [];
    for (const op of ops) {
      const input = synthesizedInput(op, { agency, all: op.multipart, fileUrl });
      try {
        process.env.GHL_API_BASE_URL = app.sandbox.url;
        const out = await operation('api_request').perform(z, { authData: app.authData, inputData: input, meta: {} } as unknown as Bundle);
        const expected = exampleAnswer(findOperationById(`${op.area}.json`, op.operationId)!).body;
        if (expected && typeof expected === 'object' && !Array.isArray(expected) && Object.keys(expected).length) {
          const key = Object.keys(expected)[0];
          if (!(key in out)) failed.push(`${op.key}: output lacks "${key}"`);
        }
      } catch (error) {
        failed.push(`${op.key}: ${(error as Error).message.slice(0, 300)}`);
      }
    }
    console.log(
      `Sandbox spec fallback (${agency ? 'agency' : 'sub-account'}): ${ops.length - failed.length}/${ops.length} operations answered end to end.`,
    );
    expect(failed).toEqual([]);
    expect(ops.length).toBeGreaterThan(agency ? 20 : 300);
    // The uploads without a hand-written route (the media library has one: test/sandbox/apiRequestUpload.test.ts).
    expect(ops.filter((op) => op.multipart).length).toBe(agency ? 0 : 4);
  }, 120_000);
});

test('a literal spec path beats a hand-written parameter route; unknown paths stay unrouted', () => {
  expect(routeFor(routes, 'GET', '/invoices/')?.route.path).toBe('/invoices/');
  expect(routeFor(routes, 'GET', '/contacts/abc123')?.route.handle).toBe(
    routes.find((r) => r.method === 'GET' && r.path === '/contacts/{contactId}')!.handle,
  );
  expect(routeFor(routes, 'GET', '/no/such/endpoint')).toBeUndefined();
});
