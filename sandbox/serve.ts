// `npm run sandbox`: the HighLevel sandbox on its own, for trying the app with `zapier-platform invoke`.
// It prints the `.env` lines that point the app at it (a sandbox token for its seeded location) and serves
// until stopped (Ctrl-C).
import { startSandbox } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.SANDBOX_PORT) || 4010;
  const sandbox = await startSandbox({ port, seed: true });
  const tokens = sandbox.state.issueTokens();
  console.log(`HighLevel sandbox on ${sandbox.url} (seeded: location "${sandbox.state.locations.get(sandbox.state.locationId)?.name}").`);
  console.log('\nPut these lines in .env, then run e.g. `npx zapier-platform invoke trigger new_contact`:\n');
  console.log(`GHL_API_BASE_URL=${sandbox.url}`);
  console.log(`authData_access_token=${tokens.access_token}`);
  console.log(`authData_refresh_token=${tokens.refresh_token}`);
  console.log(`authData_locationId=${sandbox.state.locationId}`);
  console.log(`authData_companyId=${sandbox.state.companyId}`);
  console.log('authData_userType=Location');
  console.log('\n(Sandbox tokens, valid while this process runs.) Ctrl-C stops it.');
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`The sandbox did not start: ${(error as Error).message}`);
  process.exit(1);
});
