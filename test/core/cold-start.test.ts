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
    expect(modules).toContain('dist/app/index.js');
    expect(modules.length).toBeGreaterThan(50); // the app's own modules were seen
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
});
