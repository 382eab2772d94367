// Preloaded with `node --require` into a whole npm process to make it believe it runs on another platform:
// FAKE_PLATFORM (darwin, win32, linux) and FAKE_ARCH (arm64, x64). npm's own `--os`/`--cpu` flags only apply to
// optional dependencies, so they would not show a non-optional dependency that cannot install elsewhere.
'use strict';
const os = require('os');

const platform = process.env.FAKE_PLATFORM;
const arch = process.env.FAKE_ARCH;
if (platform) {
  Object.defineProperty(process, 'platform', { value: platform, enumerable: true });
  os.platform = () => platform;
}
if (arch) {
  Object.defineProperty(process, 'arch', { value: arch, enumerable: true });
  os.arch = () => arch;
}
