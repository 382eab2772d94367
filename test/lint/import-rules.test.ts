import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The import rules of `npm run lint` (.dependency-cruiser.js), run on a miniature tree: a clean layering passes,
// and each planted upward import or cycle fails the run, naming its rule.
const root = path.join(__dirname, '..', '..');
const depcruise = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-rules-'));
  const all = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true } }),
    'src/client.ts': 'export const call = () => 1;\n',
    'src/factories/trigger.ts': "import { call } from '../client';\nexport const trigger = () => call();\n",
    'triggers/contacts.ts': "import { trigger } from '../src/factories/trigger';\nexport const newContact = trigger();\n",
    'triggers/index.ts': "import * as contacts from './contacts';\nexport const triggers = [contacts];\n",
    'creates/contacts.ts': "import { call } from '../src/client';\nexport const createContact = call();\n",
    'app/index.ts': "import { triggers } from '../triggers';\nimport * as c from '../creates/contacts';\nexport default { triggers, c };\n",
    'sandbox/server.ts': "import app from '../app/index';\nexport const serve = () => app;\n",
    ...files,
  };
  for (const [file, text] of Object.entries(all)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function lint(dir: string) {
  const run = spawnSync(
    process.execPath,
    [depcruise, 'app', 'src', 'triggers', 'creates', 'sandbox', '--config', path.join(root, '.dependency-cruiser.js'), '--no-progress'],
    { cwd: dir, encoding: 'utf8' },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('import rules (npm run lint)', () => {
  it('pass a tree whose imports point down', () => {
    const result = lint(tree({}));
    expect(result.output).toMatch(/no dependency violations/);
    expect(result.status).toBe(0);
  });

  it('fail on each planted upward import and on a cycle, naming the rule', () => {
    const result = lint(
      tree({
        'src/upward.ts': "import { triggers } from '../triggers';\nexport const n = triggers.length;\n",
        'src/dev.ts': "import { serve } from '../sandbox/server';\nexport const s = serve;\n",
        'triggers/sideways.ts': "import { createContact } from '../creates/contacts';\nexport const x = createContact;\n",
        'creates/app.ts': "import app from '../app/index';\nexport const y = app;\n",
        'src/cycleA.ts': "import type { B } from './cycleB';\nexport interface A { b?: B }\n",
        'src/cycleB.ts': "import type { A } from './cycleA';\nexport interface B { a?: A }\n",
      }),
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/src-imports-nothing-above-it: src\/upward\.ts → triggers\/index\.ts/);
    expect(result.output).toMatch(/src-imports-nothing-above-it: src\/dev\.ts → sandbox\/server\.ts/);
    expect(result.output).toMatch(/operation-folders-do-not-import-each-other: triggers\/sideways\.ts → creates\/contacts\.ts/);
    expect(result.output).toMatch(/operations-do-not-import-the-app: creates\/app\.ts → app\/index\.ts/);
    expect(result.output).toMatch(/no-circular: src\/cycle[AB]\.ts/); // a type-only cycle counts
  });
});
