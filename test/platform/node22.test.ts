import * as fs from 'fs';
import * as path from 'path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { scratchProject, binaryTarget, NODE_PACKAGE, PLATFORMS } = require('../../scripts/check-platforms.cjs');

// The offline half of `npm run check:platforms` (CI runs the whole, which installs as each platform): the Node 22
// that npm scripts run comes from one optional package per platform, recorded in the lockfile for all of them.
const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));

describe('Node 22 on every platform', () => {
  const optional = Object.keys(pkg.optionalDependencies ?? {}).filter((name) => NODE_PACKAGE.test(name));

  it('comes from optional dependencies only: a required one would stop npm ci on every other platform (EBADPLATFORM)', () => {
    for (const type of ['dependencies', 'devDependencies']) {
      expect(Object.keys(pkg[type] ?? {}).filter((name) => NODE_PACKAGE.test(name))).toEqual([]);
    }
    expect(optional.length).toBeGreaterThanOrEqual(PLATFORMS.length);
  });

  it('has exactly one package of one Node 22 version per promised platform, recorded in the lockfile', () => {
    const { scratchLock } = scratchProject(pkg, lock);
    const versions = new Set(optional.map((name) => pkg.optionalDependencies[name]));
    expect([...versions]).toHaveLength(1);
    expect([...versions][0]).toMatch(/^22\.\d+\.\d+$/);
    for (const { platform, arch } of PLATFORMS) {
      const matches = Object.entries(scratchLock.packages as Record<string, any>).filter(
        ([key, entry]) =>
          key && entry.optional && [].concat(entry.os).includes(platform as never) && [].concat(entry.cpu).includes(arch as never),
      );
      expect({ platform, arch, packages: matches.map(([key]) => key) }).toEqual({
        platform,
        arch,
        packages: [expect.stringMatching(/^node_modules\/node/)],
      });
      expect(matches[0][1].bin?.node).toBeTruthy();
    }
  });

  it('is what this run uses when started through npm (npm test, npx jest)', () => {
    if (!process.env.npm_lifecycle_event && !process.env.npm_command) return; // started by hand with another node
    expect(process.versions.node.split('.')[0]).toBe('22');
    const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');
    expect(fs.existsSync(bin)).toBe(true);
    if (process.platform !== 'win32') expect(binaryTarget(fs.realpathSync(bin))).toBe(`${process.platform}-${process.arch}`);
  });
});
