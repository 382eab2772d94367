// `npm run sandbox`: the HighLevel sandbox on its own, for trying the app with `zapier-platform invoke`.
// It prints the `.env` lines that point the app at it (a sandbox token for its seeded location) and serves
// until stopped (Ctrl-C). SANDBOX_PORT (default 4010) and SANDBOX_TOKEN_TTL come from the environment or `.env`.
import * as fs from 'fs';
import { parseEnv } from 'util';
import { startSandbox } from './server';
import { SANDBOX_WEBHOOK_PUBLIC_KEY } from './webhooks';

const DEFAULT_PORT = 4010;

/** A setting from the environment, else from `./.env` (where the README has people keep them). */
function setting(name: string): string | undefined {
  if (process.env[name]) return process.env[name];
  try {
    return parseEnv(fs.readFileSync('.env', 'utf8'))[name] || undefined;
  } catch {
    return undefined; // no .env
  }
}

async function main(): Promise<void> {
  const port = Number(setting('SANDBOX_PORT')) || DEFAULT_PORT;
  const ttl = Number(setting('SANDBOX_TOKEN_TTL')) || undefined;
  // SANDBOX_WEBHOOK_URL (e.g. http://127.0.0.1:8787/v1/highlevel/webhook of `npm run relay`): signed webhook events
  // for the changes made, as HighLevel sends them.
  const webhookUrl = setting('SANDBOX_WEBHOOK_URL');
  const sandbox = await startSandbox({ port, seed: true, tokenTtlSeconds: ttl, webhooks: { url: webhookUrl } }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        throw new Error(
          `port ${port} on 127.0.0.1 is in use (another \`npm run sandbox\`?). Stop that process, or pick another port with ` +
            `SANDBOX_PORT (in .env, or SANDBOX_PORT=${port + 1} npm run sandbox) and use the GHL_API_BASE_URL it then prints.`,
        );
      }
      throw error;
    },
  );
  const tokens = sandbox.state.issueTokens();
  console.log(`HighLevel sandbox on ${sandbox.url} (seeded: location "${sandbox.state.locations.get(sandbox.state.locationId)?.name}").`);
  console.log('\nPut these lines in .env, then run e.g. `npx zapier-platform invoke trigger new_contact`:\n');
  console.log(`GHL_API_BASE_URL=${sandbox.url}`);
  console.log('CLIENT_ID=sandbox');
  console.log('CLIENT_SECRET=sandbox');
  console.log(`authData_access_token=${tokens.access_token}`);
  console.log(`authData_refresh_token=${tokens.refresh_token}`);
  console.log(`authData_locationId=${sandbox.state.locationId}`);
  console.log(`authData_companyId=${sandbox.state.companyId}`);
  console.log('authData_userType=Location');
  if (webhookUrl) {
    console.log(`\nWebhooks for the changes made go to ${webhookUrl}, signed with the sandbox's test key. Start the relay with:`);
    console.log(
      `GHL_WEBHOOK_PUBLIC_KEY="${SANDBOX_WEBHOOK_PUBLIC_KEY.trim().replace(/\n/g, '\\n')}" GHL_API_BASE_URL=${sandbox.url} RELAY_ALLOWED_TARGET_PREFIXES=http://127.0.0.1: npm run relay`,
    );
  } else {
    console.log('\nSet SANDBOX_WEBHOOK_URL to have the sandbox send signed webhooks for its changes (e.g. to `npm run relay`).');
  }
  console.log(
    '\nOr leave out the authData_ lines and connect as HighLevel users do: `npx zapier-platform invoke auth start` ' +
      `leads to the sandbox's install screen (${sandbox.url}/oauth/chooselocation: the sub-account or the agency).`,
  );
  console.log(
    `\n(Sandbox tokens: valid for ${sandbox.state.tokenTtlSeconds} s and while this process runs; ` +
      '`npx zapier-platform invoke auth refresh` renews them.) Ctrl-C stops it.',
  );
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`The sandbox did not start: ${(error as Error).message}`);
  process.exit(1);
});
