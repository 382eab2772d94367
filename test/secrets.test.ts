import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// `zapier-platform push` uploads build/source.zip next to build.zip: every file of the project that its own
// blocklist (`.git/`, `build/`, names ending `.env`, `.environment`, `.zip`) and .gitignore let through. A
// `.env.local` full of tokens would go up with it unless .gitignore keeps it out. This builds source.zip with the
// CLI's own function over a project that holds this repository's .gitignore and typical secret files.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeSourceZip } = require('zapier-platform-cli/src/utils/build');

const ROOT = path.join(__dirname, '..');

/** Files a developer may have with secrets in them. None may reach source.zip. */
const SECRET_FILES = [
  '.env',
  '.env.local',
  '.env.sandbox',
  '.env.production.local',
  '.envrc',
  'sandbox/.env.test',
  '.environment',
  'certs/server.pem',
  'certs/server.key',
  'private.key',
  'keystore.p12',
  'id_rsa',
  '.zapierrc',
];

/** Files that must still be uploaded (the test would pass trivially if nothing were). */
const SOURCE_FILES = ['index.js', 'package.json', 'src/index.ts', 'sandbox/serve.ts', '.env.example', 'README.md'];

/** Entry names of a zip file, from its central directory. */
function zipEntries(file: string): string[] {
  const zip = fs.readFileSync(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory entry');
    const nameLength = zip.readUInt16LE(at + 28);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return names;
}

describe('source.zip (uploaded by zapier-platform push)', () => {
  let dir: string;
  let entries: string[];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'source-zip-'));
    fs.copyFileSync(path.join(ROOT, '.gitignore'), path.join(dir, '.gitignore'));
    for (const file of [...SECRET_FILES, ...SOURCE_FILES]) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), file === '.env.example' ? '# CLIENT_ID=\n' : 'authData_access_token=secret\n');
    }
    const zipPath = path.join(os.tmpdir(), `${path.basename(dir)}.zip`);
    await makeSourceZip(dir, zipPath);
    entries = zipEntries(zipPath).map((name) => name.replace(/\\/g, '/'));
    fs.rmSync(zipPath, { force: true });
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('holds no secret file', () => {
    expect(entries.filter((name) => SECRET_FILES.includes(name))).toEqual([]);
  });

  it('still holds the source, .env.example included', () => {
    expect(SOURCE_FILES.filter((name) => !entries.includes(name))).toEqual([]);
  });

  it('.env.example is committed and documents every variable the code reads', () => {
    const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));
    const read = new Set<string>();
    const walk = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.(ts|js|cjs)$/.test(entry.name)) {
          const code = fs.readFileSync(file, 'utf8');
          // process.env.<name>, env.<name> and num(env, '<name>') (a config reader's parameter), env('<name>') and
          // setting('<name>'), and names kept in *_ENV constants.
          for (const m of code.matchAll(/\benv\.([A-Z][A-Z0-9_]*)/g)) read.add(m[1]);
          for (const m of code.matchAll(/\b(?:env|setting)\(\s*['"]([A-Z][A-Z0-9_]*)['"]/g)) read.add(m[1]);
          for (const m of code.matchAll(/\(env,\s*['"]([A-Z][A-Z0-9_]*)['"]/g)) read.add(m[1]);
          for (const m of code.matchAll(/_ENV\s*=\s*['"]([A-Z][A-Z0-9_]*)['"]/g)) read.add(m[1]);
        }
      }
    };
    for (const folder of ['app', 'src', 'sandbox', 'triggers', 'creates', 'searches', 'contract', 'relay', 'scripts', 'test']) {
      if (fs.existsSync(path.join(ROOT, folder))) walk(path.join(ROOT, folder));
    }
    // Set by the code itself for its own child processes or by Zapier's runtime, not by a developer.
    const internal = new Set(['NODE_ENV', 'PATH', 'ZAPIER_DEPLOY_KEY', 'FAKE_PLATFORM', 'FAKE_ARCH']);
    expect([...read].filter((name) => !documented.has(name) && !internal.has(name) && !name.startsWith('npm_')).sort()).toEqual([]);
  });
});
