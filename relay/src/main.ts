#!/usr/bin/env node
/**
 * `npm run relay`: starts the webhook relay. With no DATABASE_URL it keeps everything in an embedded PGlite
 * database under RELAY_DATA_DIR (default .relay-data/), so nothing needs installing. Prints one line
 * `relay listening on <url>` once it accepts requests (tests wait for it).
 */
import { loadConfig } from './config';
import { startRelay } from './server';

async function main() {
  const cfg = loadConfig();
  const relay = await startRelay(cfg);
  const store = cfg.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${cfg.dataDir}`;
  process.stdout.write(`relay listening on ${relay.url} (${store}, ${cfg.workers} delivery workers)\n`);
  if (!cfg.adminToken) process.stdout.write('RELAY_ADMIN_TOKEN is not set: /status and /v1/status answer 401.\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await relay.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`relay failed to start: ${(error as Error).message}\n`);
  process.exit(1);
});
