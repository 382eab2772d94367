import { execFileSync } from 'child_process';
import * as path from 'path';
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import { lazyFunction } from '../../src/lazy';
import { expectContractClean, highlevel } from '../support/highlevel';

// What Zapier loads (index.js) is the definition scripts/shipDefinition.ts wrote at build: the live app's data with
// lazy functions. These checks prove it is the live app (same data, every function the live one) and that a cold
// start loads no operation module until one runs. Runs on the build `npm test` makes first.
const root = path.join(__dirname, '..', '..');
const shipped: Record<string, any> = require(path.join(root, 'index.js'));
const live: Record<string, any> = require(path.join(root, 'dist', 'app', 'index.js')).default;

type Step = string | number;
/** Every function in a definition, by path. */
function functionsOf(definition: unknown): Map<string, { at: Step[]; fn: Function }> {
  const found = new Map<string, { at: Step[]; fn: Function }>();
  const walk = (value: unknown, at: Step[]) => {
    if (typeof value === 'function') found.set(at.join('.'), { at, fn: value });
    else if (value && typeof value === 'object')
      for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) walk(v, [...at, k]);
  };
  walk(definition, []);
  return found;
}

/** JSON with object keys sorted: the shipped data adds function keys last. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );

describe('the shipped definition (index.js)', () => {
  it('is the live app: the same data, functions in the same places', () => {
    expect(canonical(shipped)).toBe(canonical(live));
    expect([...functionsOf(shipped).keys()].sort()).toEqual([...functionsOf(live).keys()].sort());
    expect(Object.keys(shipped.triggers).length + Object.keys(shipped.creates).length + Object.keys(shipped.searches).length).toBe(
      Object.keys(live.triggers).length + Object.keys(live.creates).length + Object.keys(live.searches).length,
    );
  });

  it("every operation's function stands in for the live app's own function", () => {
    const liveFns = functionsOf(live);
    let checked = 0;
    for (const [key, { fn }] of functionsOf(shipped)) {
      if (!/^(triggers|creates|searches|searchOrCreates)\./.test(key)) continue;
      expect(typeof (fn as any).resolve).toBe('function');
      // Same module instance (require cache): the stand-in's target is the very function the live app holds.
      if ((fn as any).resolve() !== liveFns.get(key)!.fn) throw new Error(`${key} resolves to another function`);
      checked++;
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('a cold start loads no operation module; running one loads its own module only', () => {
    const script = `
      require('zapier-platform-core');
      const ours = () => Object.keys(require.cache).map((m) => require('path').relative(process.cwd(), m)).filter((m) => m.startsWith('dist/'));
      const app = require('./index.js');
      const atLoad = ours();
      app.creates.create_contact.operation.perform.resolve();
      const afterOne = ours().filter((m) => !atLoad.includes(m));
      console.log(JSON.stringify({ atLoad, afterOne }));
    `;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' },
    });
    const { atLoad, afterOne } = JSON.parse(out.trim().split('\n').pop()!) as { atLoad: string[]; afterOne: string[] };
    expect(atLoad).toContain('dist/app/shipped.js');
    expect(atLoad.filter((m) => /^dist\/(triggers|creates|searches)\//.test(m))).toEqual([]);
    expect(atLoad).not.toContain('dist/app/index.js');
    expect(afterOne).toContain('dist/creates/contacts.js');
    // Its module's own imports (creates/contactConflicts.js) load with it; other folders' and domains' modules do not.
    expect(afterOne.filter((m) => /^dist\/(triggers|searches)\//.test(m))).toEqual([]);
    expect(afterOne).not.toContain('dist/creates/invoices.js');
  });

  it("Zapier's build follows the lazy requires: every operation module goes into build.zip", async () => {
    // The CLI's own file finder (esbuild from index.js), as `zapier-platform build` runs it.
    const { findRequiredFiles } = require('zapier-platform-cli/src/utils/build');
    const files: string[] = (await findRequiredFiles(root, [path.join(root, 'index.js')])).map((f: string) => f.split(path.sep).join('/'));
    const operationModules = Object.keys(require.cache)
      .map((m) => path.relative(root, m).split(path.sep).join('/'))
      .filter((m) => /^dist\/(triggers|creates|searches)\/(?!index\.js$)/.test(m));
    expect(operationModules.length).toBeGreaterThan(50); // the live app loaded them all (above)
    expect(operationModules.filter((m) => !files.includes(m))).toEqual([]);
  });

  describe('through the Zapier runtime', () => {
    const appTester = createAppTester(shipped);
    const authData = { access_token: 'at-secret-1234567890', refresh_token: 'rt-secret-1234567890', locationId: 'loc_5Yc1sLr8xq' };
    afterEach(() => {
      expectContractClean();
      nock.cleanAll();
    });

    it('runs a search, a create and a dynamic field function of the shipped app', async () => {
      const api = highlevel()
        .get('/contacts/search/duplicate')
        .query({ locationId: authData.locationId, email: 'jordan@example.com' })
        .reply(200, { contact: { id: 'c1', email: 'jordan@example.com', firstNameLowerCase: 'jordan' } });
      const found: any = await appTester(shipped.searches.find_contact.operation.perform, {
        authData,
        inputData: { email: 'jordan@example.com' },
      } as any);
      expect(found[0]).toMatchObject({ id: 'c1', email: 'jordan@example.com' });
      expect(found[0]).not.toHaveProperty('firstNameLowerCase'); // the factories' output shaping ran

      await expect(appTester(shipped.creates.create_contact.operation.perform, { authData, inputData: {} } as any)).rejects.toThrow(
        /Create Contact: fill in one of/,
      ); // the factories' validation ran, before any request
      const fields = await appTester(shipped.creates.api_request.operation.inputFields[0], {
        authData,
        inputData: { area: 'invoices' },
      } as any);
      expect(JSON.stringify(fields)).toContain('invoices:');
      expect(api.isDone()).toBe(true);
    });
  });
});

describe('lazyFunction', () => {
  it('loads on the first call only, keeps this and arguments, and names a stale path', () => {
    let loads = 0;
    const mod = {
      op: {
        run(this: unknown, a: number, b: number) {
          return [this, a + b];
        },
      },
    };
    const stand = lazyFunction(() => (loads++, mod), ['op', 'run']);
    expect(loads).toBe(0);
    const self = {};
    expect(stand.call(self, 1, 2)).toEqual([self, 3]);
    stand(3, 4);
    expect(loads).toBe(1);
    expect(stand.resolve()).toBe(mod.op.run);
    expect(() => lazyFunction(() => mod, ['op', 'gone'])()).toThrow(
      'The shipped definition is stale: op.gone is not a function (run npm run build).',
    );
  });
});
