import * as fs from 'fs';
import * as path from 'path';

const ROOT = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((d) =>
  fs.existsSync(path.join(d, 'package-lock.json')),
)!;

/**
 * The app as Zapier loads it: index.js, i.e. the shipped definition of the last `npm run build`
 * (dist/app/shipped.js: operations as data, functions loading their module on first call). The walkthroughs run it,
 * so `npm start` and their tests prove what ships, not only the live app the other tests use.
 *
 * Throws when the build is missing (run `npm run build`; `npm start` does).
 */
export function shippedApp(): Record<string, any> {
  const shipped = path.join(ROOT, 'dist', 'app', 'shipped.js');
  if (!fs.existsSync(shipped)) throw new Error(`${path.relative(ROOT, shipped)} is missing: run "npm run build" first (npm start does)`);
  return require(path.join(ROOT, 'index.js'));
}
