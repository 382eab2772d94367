// `npm run sandbox`: the HighLevel sandbox on its own, for trying the app with `zapier-platform invoke`.
// It prints the `.env` lines that point the app at it (a sandbox token for its seeded location) and serves
// until stopped (Ctrl-C).
import { startSandbox } from './server';
import { SANDBOX_WEBHOOK_PUBLIC_KEY } from './webhooks';

async function main(): Promise<void> {
  const port = Number(process.env.SANDBOX_PORT) || 4010;
  // SANDBOX_WEBHOOK_URL (e.g. http://127.0.0.1:8787/v1/highlevel/webhook of `npm run relay`): signed webhook events
  // for the changes made, as HighLevel sends them.
  const webhookUrl = process.env.SANDBOX_WEBHOOK_URL || undefined;
  const sandbox = await startSandbox({ port, seed: true, webhooks: { url: webhookUrl } });
  const tokens = sandbox.state.issueTokens();
  console.log(`HighLevel sandbox on ${sandbox.url} (seeded: location "${sandbox.state.locations.get(sandbox.state.locationId)?.name}").`);
  console.log('\nPut these lines in .env, then run e.g. `npx zapier-platform invoke trigger new_contact`:\n');
  console.log(`GHL_API_BASE_URL=${sandbox.url}`);
  console.log(`authData_access_token=${tokens.access_token}`);
  console.log(`authData_refresh_token=${tokens.refresh_token}`);
  console.log(`authData_locationId=${sandbox.state.locationId}`);
  console.log(`authData_companyId=${sandbox.state.companyId}`);
  console.log('authData_userType=Location');
  if (webhookUrl) {
    console.log(`\nWebhooks for the changes made go to ${webhookUrl}, signed with the sandbox's test key. Start the relay with:`);
    console.log(`GHL_WEBHOOK_PUBLIC_KEY="${SANDBOX_WEBHOOK_PUBLIC_KEY.trim().replace(/\n/g, '\\n')}" GHL_API_BASE_URL=${sandbox.url} RELAY_ALLOWED_TARGET_PREFIXES=http://127.0.0.1: npm run relay`);
  } else {
    console.log('\nSet SANDBOX_WEBHOOK_URL to have the sandbox send signed webhooks for its changes (e.g. to `npm run relay`).');
  }
  console.log('\n(Sandbox tokens, valid while this process runs.) Ctrl-C stops it.');
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`The sandbox did not start: ${(error as Error).message}`);
  process.exit(1);
});
