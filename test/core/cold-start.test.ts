import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// Zapier requires the whole app on every cold start: what it loads there is measured by `npm run bench`
// (`BENCH_ONLY=cold npm run bench` for the ratio alone). These checks keep avoidable work out of it: no package
// beyond what zapier-platform-core loads itself (zod, ajv, luxon… load on first use), no code outside the app,
// and no data file read. Runs on the build `npm test` makes first.
describe('cold start', () => {
  const root = path.join(__dirname, '..', '..');

  /** What requiring the app adds to a process that has loaded zapier-platform-core: modules and files read. */
  function coldRequire(): { modules: string[]; filesRead: string[] } {
    const script = `
      const fs = require('fs');
      require('zapier-platform-core');
      const before = new Set(Object.keys(require.cache));
      const filesRead = [];
      const readFileSync = fs.readFileSync;
      fs.readFileSync = function (file, ...rest) {
        if (typeof file === 'string' && !file.endsWith('.js')) filesRead.push(file);
        return readFileSync.call(this, file, ...rest);
      };
      require('./index.js');
      fs.readFileSync = readFileSync;
      const modules = Object.keys(require.cache).filter((m) => !before.has(m));
      console.log(JSON.stringify({ modules, filesRead }));
    `;
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' },
    });
    const result = JSON.parse(out.trim().split('\n').pop()!);
    const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
    return { modules: result.modules.map(rel), filesRead: result.filesRead.map(rel) };
  }

  it('requires only the app itself: no further package, nothing outside the app, no data file', () => {
    expect(fs.existsSync(path.join(root, 'dist', 'app', 'index.js'))).toBe(true); // `npm run build` first
    const { modules, filesRead } = coldRequire();
    // The shipped definition and its shell; operation modules load when one runs (shipped-definition.test.ts).
    expect(modules).toContain('dist/app/shipped.js');
    expect(modules).toContain('dist/src/authentication.js');
    // A package loaded here (zod, ajv, luxon, libphonenumber-js…) costs every cold start: load it on first use.
    const packages = new Set(modules.filter((m) => m.includes('node_modules/')).map((m) => m.split('node_modules/').pop()!.split('/')[0]));
    expect([...packages]).toEqual([]);
    // The sandbox, contract checker, relay, scripts and tests are not part of what Zapier loads.
    expect(
      modules.filter((m) => !/^(index\.js|(dist\/)?package\.json|dist\/(app|src|triggers|creates|searches)\/[\w/]+\.js)$/.test(m)),
    ).toEqual([]);
    // Specs, catalogs or other data read at load: read them on first use (package.json gives the version).
    expect(filesRead.filter((f) => !f.endsWith('package.json'))).toEqual([]);
  });

  // The API Request artifacts (issue 13) are files read with fs, not modules: record what the process reads.
  const readsWhen = (then: string): string[] => {
    const script = [
      "const fs = require('fs'); const read = []; const original = fs.readFileSync;",
      'fs.readFileSync = function (p, ...rest) { read.push(String(p)); return original.call(this, p, ...rest); };',
      `const app = require('./index.js'); ${then}`,
      'console.log(JSON.stringify(read));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' },
    });
    return (JSON.parse(out.trim().split('\n').pop()!) as string[]).filter((p) => /apiRequest[\\/]generated/.test(p));
  };

  it('requiring the app reads none of the API Request index or field details', () => {
    expect(readsWhen('')).toEqual([]);
  });

  it('the editor asking for API Request fields reads the index (and an area only once an operation is chosen)', () => {
    const fields = "app.creates.api_request.operation.inputFields[0](null, { authData: {}, inputData: { area: 'invoices' } });";
    expect(readsWhen(fields).map((p) => path.basename(p))).toEqual(['index.json']);
    const chosen =
      "app.creates.api_request.operation.inputFields[0](null, { authData: {}, inputData: { area: 'invoices', operation: 'invoices:list-invoices' } });";
    expect(readsWhen(chosen).map((p) => path.basename(p))).toEqual(['index.json', 'invoices.json']);
  });
});
