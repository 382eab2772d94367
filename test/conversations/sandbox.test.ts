import { Sandbox } from '../../sandbox/server';
import { appTester, operation } from '../support/highlevel';
import { call, checkedSandbox, tokenFor } from '../sandbox/support';

// The conversation operations through the Zapier runtime against the sandbox's conversation routes, with every
// sandbox response checked against the spec.
describe('conversations against the sandbox', () => {
  let sandbox: Sandbox;
  let violations: string[];
  let authData: Record<string, string>;
  const runOp = (key: string, inputData: Record<string, unknown> = {}) =>
    appTester(operation(key).perform as any, { authData, inputData } as any) as Promise<any>;

  beforeAll(async () => {
    ({ sandbox, violations } = await checkedSandbox());
    process.env.GHL_API_BASE_URL = sandbox.url;
    authData = { access_token: tokenFor(sandbox), locationId: sandbox.state.locationId, companyId: sandbox.state.companyId };
  });
  afterAll(async () => {
    delete process.env.GHL_API_BASE_URL;
    await sandbox.close();
  });

  it('Send SMS starts a conversation; an inbound reply fires New Inbound Message and tops New Conversation', async () => {
    const [rosa, tom] = sandbox.state.contactsOf(sandbox.state.locationId);
    const sent = await runOp('send_sms', { contactId: rosa.id, message: 'Your quote is ready.' });
    expect(sent).toMatchObject({ id: expect.any(String), conversationId: expect.any(String), status: 'pending' });
    await runOp('send_sms', { contactId: tom.id, message: 'See you Thursday.' });

    const reply = await call(sandbox, 'POST', '/conversations/messages/inbound', {
      token: authData.access_token,
      version: '2021-04-15',
      body: {
        type: 'SMS',
        contactId: rosa.id,
        conversationId: sent.conversationId,
        conversationProviderId: 'sandbox',
        message: 'Thanks! Thursday works.',
      },
    });
    expect(reply.status).toBe(200);

    const inbound = await runOp('new_inbound_message');
    expect(inbound.map((m: any) => m.body)).toEqual(['Thanks! Thursday works.']);
    const conversations = await runOp('new_conversation');
    expect(conversations.map((c: any) => c.contactId)).toEqual([rosa.id, tom.id]);
    const messages = await runOp('new_conversation_message', { conversationId: sent.conversationId });
    expect(messages.map((m: any) => m.direction)).toEqual(['inbound', 'outbound']);
    expect(await runOp('find_message', { id: sent.id })).toEqual([expect.objectContaining({ body: 'Your quote is ready.' })]);
    expect(await runOp('find_conversation', { contactId: tom.id })).toEqual([expect.objectContaining({ contactId: tom.id })]);
    expect(await runOp('find_conversation', { conversationId: 'doesNotExist1' })).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('Send Email to an unknown contact is a 404 from the sandbox', async () => {
    await expect(runOp('send_email', { contactId: 'noSuchContact1', subject: 'Hi', message: 'Hello' })).rejects.toThrow(/404/);
  });
});
