import './walkthrough-env'; // first: sets the environment before zapier-platform-core loads
import { createAppTester } from 'zapier-platform-core';
import { shippedApp } from './shippedApp';
import { Sandbox, startSandbox } from './server';
import { relayUnavailable, runInstantWalkthrough } from './walkthrough-instant';

/**
 * The app's real operations, run through the Zapier runtime against the sandbox: connect, poll New Contact,
 * create a contact, find it, create and complete a task, add a note, poll New Note, list trigger links through API
 * Request. `npm start` prints the steps; test/sandbox/walkthrough.test.ts runs the same function and asserts on
 * what it returns.
 */

type Item = Record<string, any>;

export interface StepReport {
  /** 1-based. */
  index: number;
  title: string;
  /** The key facts, one line (ids, names, counts): never a token. */
  detail: string;
  /** HTTP requests the step sent to the sandbox. */
  requests: number;
  ms: number;
}

export interface WalkthroughResult {
  connectionLabel: string;
  authData: Item;
  polledContacts: Item[];
  contact: Item;
  found: Item[];
  task: Item;
  completedTask: Item;
  note: Item;
  polledNotes: Item[];
  /** API Request → Links → Get Links (answered from the spec's example). */
  links: Item;
  steps: StepReport[];
}

class StepFailed extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new StepFailed(message);
}

/** Zapier fills the connection label template from the auth test's result. */
function renderLabel(template: string, data: Item): string {
  return template.replace(/\{\{\s*(?:bundle\.inputData\.)?(\w+)\s*\}\}/g, (_m, key: string) => String(data[key] ?? ''));
}

/** Runs the steps against a started sandbox (GHL_API_BASE_URL must point at it). */
export async function runWalkthrough(sandbox: Sandbox, onStep: (step: StepReport) => void = () => {}): Promise<WalkthroughResult> {
  const App = shippedApp();
  const appTester = createAppTester(App);
  const steps: StepReport[] = [];
  const run = (method: any, bundle: Item): Promise<any> => appTester(method, bundle as any);

  async function step<T>(title: string, work: () => Promise<{ value: T; detail: string }>): Promise<T> {
    const before = sandbox.requests.length;
    const started = Date.now();
    let outcome: { value: T; detail: string };
    try {
      outcome = await work();
    } catch (error) {
      const why = error instanceof StepFailed ? error.message : `${(error as Error).name}: ${(error as Error).message}`;
      throw new Error(`Step ${steps.length + 1} "${title}" failed: ${why}`);
    }
    const report = {
      index: steps.length + 1,
      title,
      detail: outcome.detail,
      requests: sandbox.requests.length - before,
      ms: Date.now() - started,
    };
    steps.push(report);
    onStep(report);
    return outcome.value;
  }

  const location = sandbox.state.locations.get(sandbox.state.locationId)!;

  const { authData, connectionLabel } = await step('Connect HighLevel', async () => {
    const tokens = await run(App.authentication.oauth2Config.getAccessToken, {
      inputData: { code: 'sandbox-authorization-code', redirect_uri: 'https://zapier.com/dashboard/auth/oauth/return/App000CLIAPI/' },
    });
    check(tokens.access_token && tokens.refresh_token, 'the token exchange returned no tokens');
    check(tokens.locationId === location.id, `connected location ${tokens.locationId}, expected ${location.id}`);
    const tested = await run(App.authentication.test, { authData: tokens });
    const label = renderLabel(App.authentication.connectionLabel, tested);
    check(label === location.name, `connection label "${label}", expected "${location.name}"`);
    return { value: { authData: tokens, connectionLabel: label }, detail: `connected as "${label}" (location ${tokens.locationId})` };
  });
  const withAuth = (inputData: Item = {}) => ({ authData, inputData });

  const polledContacts: Item[] = await step('Poll "New Contact"', async () => {
    const contacts: Item[] = await run(App.triggers.new_contact.operation.perform, withAuth());
    const seeded = sandbox.state.contactsOf(location.id).length;
    check(contacts.length === seeded, `polled ${contacts.length} contacts, the location has ${seeded}`);
    const dates = contacts.map((c) => c.dateAdded);
    check(
      dates.every((d, i) => i === 0 || dates[i - 1] >= d),
      'contacts are not newest first',
    );
    return { value: contacts, detail: `${contacts.length} contacts, newest first: ${contacts[0]?.name} (added ${contacts[0]?.dateAdded})` };
  });

  // A second run against the same sandbox must not trip over the first run's contact (duplicates are refused).
  const taken = (e: string) => sandbox.state.contactsOf(location.id).some((c) => c.email === e);
  const email = taken('jordan.avery@example.com') ? `jordan.avery+${Date.now()}@example.com` : 'jordan.avery@example.com';
  const contact: Item = await step('Create Contact', async () => {
    const created = await run(
      App.creates.create_contact.operation.perform,
      withAuth({
        firstName: 'Jordan',
        lastName: 'Avery',
        email,
        phone: '+1 555 010 0299',
        companyName: 'Avery Builders',
        tags: 'lead, zapier',
      }),
    );
    check(created.id && created.email === email, 'the created contact has no id or a different email');
    return { value: created, detail: `${created.name} <${created.email}> id ${created.id}, tags ${created.tags.join(', ')}` };
  });

  const found: Item[] = await step('Find Contact (by email)', async () => {
    const results: Item[] = await run(App.searches.find_contact.operation.perform, withAuth({ email }));
    check(
      results.length === 1 && results[0].id === contact.id,
      `found ${results.map((r) => r.id).join(', ') || 'nothing'}, expected ${contact.id}`,
    );
    return { value: results, detail: `found ${results[0].name} id ${results[0].id}` };
  });

  const dueDate = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
  const task: Item = await step('Create Task', async () => {
    const created = await run(
      App.creates.create_task.operation.perform,
      withAuth({ contactId: contact.id, title: 'Call Jordan about the quote', body: 'Bathroom remodel, two options.', dueDate }),
    );
    check(created.id && created.completed === false && created.contactId === contact.id, 'the task was not created open on the contact');
    return { value: created, detail: `"${created.title}" id ${created.id}, due ${created.dueDate}` };
  });

  const completedTask: Item = await step('Complete Task', async () => {
    const done = await run(App.creates.complete_task.operation.perform, withAuth({ contactId: contact.id, taskId: task.id }));
    check(done.id === task.id && done.completed === true, 'the task is not marked completed');
    return { value: done, detail: `task ${done.id} completed: ${done.completed}` };
  });

  const note: Item = await step('Create Note', async () => {
    const created = await run(
      App.creates.create_note.operation.perform,
      withAuth({ contactId: contact.id, body: 'Prefers email; quote sent Monday.' }),
    );
    check(created.id && created.contactId === contact.id, 'the note was not added to the contact');
    return { value: created, detail: `note ${created.id} on ${contact.name}: "${created.body}"` };
  });

  const polledNotes: Item[] = await step('Poll "New Note"', async () => {
    const notes: Item[] = await run(App.triggers.new_note.operation.perform, withAuth({ contactId: contact.id }));
    check(notes[0]?.id === note.id, `the newest polled note is ${notes[0]?.id ?? 'missing'}, expected ${note.id}`);
    return { value: notes, detail: `${notes.length} note(s) for ${contact.name}, newest ${notes[0].id}` };
  });

  // Any spec operation through API Request: the sandbox answers operations it has no route for from the spec.
  const links: Item = await step('API Request: Get Links', async () => {
    const answer = await run(App.creates.api_request.operation.perform, withAuth({ area: 'links', operation: 'links:get-links' }));
    check(Array.isArray(answer.links), 'the answer has no links list');
    return { value: answer, detail: `${answer.links.length} trigger link(s); Version 2021-07-28 from the spec` };
  });

  return { connectionLabel, authData, polledContacts, contact, found, task, completedTask, note, polledNotes, links, steps };
}

/** `npm start`: sandbox on a random port, the walkthrough printed step by step, exit 0 or a clear failure. */
async function main() {
  const started = Date.now();
  const sandbox = await startSandbox({ port: 0, seed: true });
  process.env.GHL_API_BASE_URL = sandbox.url;
  console.log(
    `HighLevel sandbox listening on ${sandbox.url} (started in ${Date.now() - started} ms); every request is checked against HighLevel's OpenAPI specs.\n`,
  );
  try {
    const result = await runWalkthrough(sandbox, (s) => {
      const requests = `${s.requests} request${s.requests === 1 ? '' : 's'}`;
      console.log(`  ✓ ${s.index}. ${s.title.padEnd(26)} ${s.detail}  [${requests}, ${s.ms} ms]`);
    });
    const failed = sandbox.requests.filter((r) => r.status >= 400);
    console.log(`\nAll steps passed: ${sandbox.requests.length} HTTP requests, ${failed.length} rejected.`);
    // Instant triggers: the relay on loopback, two zaps turned on through the app, the sandbox's changes followed.
    const unavailable = relayUnavailable();
    if (unavailable) {
      console.log(`\nInstant triggers part skipped: ${unavailable}.`);
    } else {
      console.log('\nInstant triggers (HighLevel webhooks → relay → zap hooks):');
      const instant = await runInstantWalkthrough(sandbox, result.authData, (line) => console.log(line));
      const slow = instant.deliveries.filter((d) => !(d.latencyMs < 1000));
      if (slow.length || instant.afterUnsubscribe) {
        throw new Error(`instant part: ${slow.length} deliveries slower than 1 s, ${instant.afterUnsubscribe} after turning off`);
      }
    }
    process.exitCode = 0;
  } catch (error) {
    console.error(`\n  ✗ ${(error as Error).message}`);
    const last = sandbox.requests.slice(-3).map((r) => `${r.method} ${r.path} → ${r.status}`);
    if (last.length) console.error(`    last requests: ${last.join(', ')}`);
    process.exitCode = 1;
  } finally {
    await sandbox.close();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`Walkthrough could not run: ${(error as Error).message}`);
    process.exit(1);
  });
}
