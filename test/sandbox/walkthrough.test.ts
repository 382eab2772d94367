import { createAppTester } from 'zapier-platform-core';
import { Sandbox, startSandbox } from '../../sandbox/server';
import App from '../../app/index';
import { runWalkthrough, StepReport, WalkthroughResult } from '../../sandbox/walkthrough';
import { checkedSandbox } from './support';

// End to end: the app's real operations, through the Zapier runtime, against the sandbox over HTTP. The same
// steps `npm start` prints (sandbox/walkthrough.ts), asserted here.
describe('walkthrough against the sandbox', () => {
  let sandbox: Sandbox;
  let violations: string[];
  let result: WalkthroughResult;
  const printed: StepReport[] = [];

  beforeAll(async () => {
    ({ sandbox, violations } = await checkedSandbox());
    process.env.GHL_API_BASE_URL = sandbox.url;
    result = await runWalkthrough(sandbox, (step) => printed.push(step));
  });
  afterAll(async () => {
    delete process.env.GHL_API_BASE_URL;
    await sandbox.close();
  });

  it('connects with an authorization code and labels the connection with the location name', () => {
    expect(result.connectionLabel).toBe('Sandbox Plumbing Co.');
    expect(result.authData.locationId).toBe(sandbox.state.locationId);
    expect(sandbox.state.accessTokens.has(result.authData.access_token)).toBe(true);
  });

  it('polls New Contact: every seeded contact, newest first', () => {
    const seeded = sandbox.state.contactsOf(sandbox.state.locationId).filter((c) => c.id !== result.contact.id);
    expect(result.polledContacts.map((c) => c.id)).toEqual(
      [...seeded].sort((a, b) => (a.dateAdded < b.dateAdded ? 1 : -1)).map((c) => c.id),
    );
  });

  it('creates the contact in the sandbox and finds it by email', () => {
    const stored = sandbox.state.contacts.get(result.contact.id);
    expect(stored).toMatchObject({
      firstName: 'Jordan',
      lastName: 'Avery',
      email: result.contact.email,
      phone: '+15550100299',
      tags: ['lead', 'zapier'],
    });
    expect(result.found.map((c) => c.id)).toEqual([result.contact.id]);
  });

  it('creates a task on the contact and completes it', () => {
    expect(result.task).toMatchObject({ contactId: result.contact.id, completed: false, title: 'Call Jordan about the quote' });
    expect(result.completedTask).toMatchObject({ id: result.task.id, completed: true });
    expect(sandbox.state.tasks.get(result.task.id)).toMatchObject({ contactId: result.contact.id, completed: true });
  });

  it('adds a note and the New Note trigger returns it first', () => {
    expect(sandbox.state.notes.get(result.note.id)).toMatchObject({ contactId: result.contact.id, body: result.note.body });
    expect(result.polledNotes[0].id).toBe(result.note.id);
  });

  it('reports every step with its request count; no request was rejected and every response matches the spec', () => {
    expect(printed.map((s) => s.title)).toEqual([
      'Connect HighLevel',
      'Poll "New Contact"',
      'Create Contact',
      'Find Contact (by email)',
      'Create Task',
      'Complete Task',
      'Create Note',
      'Poll "New Note"',
      'API Request: Get Links',
    ]);
    // connect = token exchange + location read; every other step is one request
    expect(printed.map((s) => s.requests)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(sandbox.requests.filter((r) => r.status >= 400)).toEqual([]);
    expect(violations).toEqual([]);
  });

  it("lists trigger links through API Request, answered from the spec's example (no hand-written route)", () => {
    expect(result.links.links.length).toBeGreaterThan(0);
    expect(sandbox.requests.find((r) => r.path === '/links/')).toMatchObject({ method: 'GET', status: 200, route: '/links/' });
  });

  it('never prints a token or the client secret', () => {
    const output = printed.map((s) => `${s.title} ${s.detail}`).join('\n');
    for (const secret of [result.authData.access_token, result.authData.refresh_token, process.env.CLIENT_SECRET!]) {
      expect(output).not.toContain(secret);
    }
  });
});

describe('token refresh through the app', () => {
  it('keeps the rotated refresh token; the old one then asks the user to reconnect', async () => {
    const sandbox = await startSandbox();
    process.env.GHL_API_BASE_URL = sandbox.url;
    const appTester = createAppTester(App);
    const run = (method: unknown, bundle: object): Promise<any> => appTester(method as any, bundle as any);
    const refresh = (authData: Record<string, string>) => run(App.authentication.oauth2Config.refreshAccessToken, { authData });
    try {
      const first = await run(App.authentication.oauth2Config.getAccessToken, {
        inputData: { code: 'c', redirect_uri: 'https://zapier.com/x' },
      });
      const second = await refresh(first);
      expect(second.refresh_token).not.toBe(first.refresh_token);
      expect(second.locationId).toBe(sandbox.state.locationId);
      await expect(refresh(first)).rejects.toThrow(/Reconnect your HighLevel account/);
      await expect(refresh(second)).resolves.toMatchObject({ access_token: expect.any(String) });
    } finally {
      delete process.env.GHL_API_BASE_URL;
      await sandbox.close();
    }
  });
});

describe('walkthrough failures', () => {
  it('fails naming the step when HighLevel cannot be reached', async () => {
    const sandbox = await startSandbox();
    await sandbox.close();
    process.env.GHL_API_BASE_URL = sandbox.url;
    try {
      await expect(runWalkthrough(sandbox)).rejects.toThrow(/Step 1 "Connect HighLevel" failed/);
    } finally {
      delete process.env.GHL_API_BASE_URL;
    }
  });

  it('fails naming the step and the problem when an answer is wrong', async () => {
    const sandbox = await startSandbox();
    // A broken sandbox: its search answers two contacts without ids, which the trigger must drop.
    sandbox.state.contactsOf = () => [{}, {}];
    process.env.GHL_API_BASE_URL = sandbox.url;
    try {
      await expect(runWalkthrough(sandbox)).rejects.toThrow('Step 2 "Poll "New Contact"" failed: polled 0 contacts, the location has 2');
    } finally {
      delete process.env.GHL_API_BASE_URL;
      await sandbox.close();
    }
  });
});
