import * as fs from 'fs';
import * as path from 'path';

/**
 * The relay must add nothing to the Zapier upload. `zapier-platform build` zips the files esbuild finds from
 * zapierwrapper.js + index.js (zapier-platform-cli src/utils/build.js: findRequiredFiles, expandRequiredFiles) plus
 * files matching `.zapierapprc` includeInBuild; its temp-dir install is `npm install --production`, which leaves
 * the relay's packages (devDependencies) out. Here: the same esbuild trace, and the same patterns.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const RELAY_PACKAGES = ['fastify', 'pg', 'pg-boss', '@electric-sql/pglite', 'playwright-core', '@fastify/rate-limit'];

test('build.zip would contain no relay file and no relay dependency', async () => {
  const { findRequiredFiles } = require('zapier-platform-cli/src/utils/build');
  const files: string[] = await findRequiredFiles(ROOT, [path.join(ROOT, 'index.js')]);
  expect(files.some((f) => f.startsWith('dist/src/'))).toBe(true); // the trace does see the app
  const relayish = files.filter((f) => /(^|\/)relay\//.test(f) || RELAY_PACKAGES.some((p) => f.includes(`node_modules/${p}/`)));
  expect(relayish).toEqual([]);

  const patterns: string[] = JSON.parse(fs.readFileSync(path.join(ROOT, '.zapierapprc'), 'utf8')).includeInBuild ?? [];
  const candidates: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      else candidates.push(rel);
    }
  };
  for (const d of ['relay', 'dist/relay', ...RELAY_PACKAGES.map((p) => `node_modules/${p}`)])
    if (fs.existsSync(path.join(ROOT, d))) walk(d);
  expect(candidates.length).toBeGreaterThan(100);
  expect(candidates.filter((f) => patterns.some((p) => new RegExp(p).test(f)))).toEqual([]);

  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  for (const p of RELAY_PACKAGES) expect(Object.keys(pkg.dependencies)).not.toContain(p);
});
