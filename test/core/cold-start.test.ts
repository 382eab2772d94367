import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// Zapier requires the whole app on every cold start: what it loads there is measured by `npm run bench`; this
// keeps the biggest avoidable cost (zod, ~50 ms) out of it. Runs on the build `npm test` makes first.
describe('cold start', () => {
  const root = path.join(__dirname, '..', '..');

  it('requiring the app loads neither zod nor the contract checker or sandbox', () => {
    expect(fs.existsSync(path.join(root, 'dist', 'src', 'index.js'))).toBe(true); // `npm run build` first
    const loaded = execFileSync(
      process.execPath,
      ['-e', "require('./index.js'); console.log(JSON.stringify(Object.keys(require.cache)))"],
      { cwd: root, encoding: 'utf8', env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' } },
    );
    const modules: string[] = JSON.parse(loaded.trim().split('\n').pop()!);
    expect(modules.some((m) => m.includes(`${path.sep}dist${path.sep}src${path.sep}index.js`))).toBe(true);
    expect(modules.filter((m) => /node_modules[\\/](zod|ajv)[\\/]|[\\/]dist[\\/](contract|sandbox)[\\/]/.test(m))).toEqual([]);
  });

  // The API Request artifacts (issue 13) are files read with fs, not modules: record what the process reads.
  const readsWhen = (then: string): string[] => {
    const script = [
      "const fs = require('fs'); const read = []; const original = fs.readFileSync;",
      'fs.readFileSync = function (p, ...rest) { read.push(String(p)); return original.call(this, p, ...rest); };',
      `const app = require('./index.js'); ${then}`,
      'console.log(JSON.stringify(read));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' } });
    return (JSON.parse(out.trim().split('\n').pop()!) as string[]).filter((p) => /apiRequest[\\/]generated/.test(p));
  };

  it('requiring the app reads none of the API Request index or field details', () => {
    expect(readsWhen('')).toEqual([]);
  });

  it('the editor asking for API Request fields reads the index (and an area only once an operation is chosen)', () => {
    const fields = "app.creates.api_request.operation.inputFields[0](null, { authData: {}, inputData: { area: 'invoices' } });";
    expect(readsWhen(fields).map((p) => path.basename(p))).toEqual(['index.json']);
    const chosen = "app.creates.api_request.operation.inputFields[0](null, { authData: {}, inputData: { area: 'invoices', operation: 'invoices:list-invoices' } });";
    expect(readsWhen(chosen).map((p) => path.basename(p))).toEqual(['index.json', 'invoices.json']);
  });
});
