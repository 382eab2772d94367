import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// Zapier requires the whole app on every cold start: what it loads there is measured by `npm run bench`; this
// keeps the biggest avoidable cost (zod, ~50 ms) out of it. Runs on the build `npm test` makes first.
describe('cold start', () => {
  const root = path.join(__dirname, '..', '..');

  it('requiring the app loads neither zod nor the contract checker or sandbox', () => {
    expect(fs.existsSync(path.join(root, 'dist', 'app', 'index.js'))).toBe(true); // `npm run build` first
    const loaded = execFileSync(
      process.execPath,
      ['-e', "require('./index.js'); console.log(JSON.stringify(Object.keys(require.cache)))"],
      { cwd: root, encoding: 'utf8', env: { ...process.env, DISABLE_ZAPIER_ANALYTICS: '1' } },
    );
    const modules: string[] = JSON.parse(loaded.trim().split('\n').pop()!);
    expect(modules.some((m) => m.includes(`${path.sep}dist${path.sep}app${path.sep}index.js`))).toBe(true);
    expect(modules.filter((m) => /node_modules[\\/](zod|ajv)[\\/]|[\\/]dist[\\/](contract|sandbox)[\\/]/.test(m))).toEqual([]);
  });
});
