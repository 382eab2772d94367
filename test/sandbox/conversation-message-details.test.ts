import nock from 'nock';
import { call, sandboxApp } from './support';

// End to end: email details, call recordings and transcriptions (served as files, as the spec declares),
// delivery status and the live-chat typing indicator, run through the Zapier runtime against the sandbox.

const app = sandboxApp();

/** A call from the contact, recorded into its conversation (how a call message arrives in HighLevel). */
async function inboundCall(contactId: string, conversationId: string): Promise<string> {
  const res = await call(app.sandbox, 'POST', '/conversations/messages/inbound', {
    token: app.token(),
    version: '2021-04-15',
    body: {
      type: 'Call',
      contactId,
      conversationId,
      conversationProviderId: 'sandboxPhoneProvider1',
      message: 'Asked about a leaking valve.',
    },
  });
  expect([res.status, res.body.message]).toEqual([200, 'Message received']);
  return res.body.messageId;
}

describe('conversation extras in the sandbox', () => {
  it('Send Email → Find Email Message → Update Message Status; SMS messages are not emails', async () => {
    const [rosa] = app.sandbox.state.contactsOf(app.locationId);
    const sent = await app.run('send_email', { contactId: rosa.id, subject: 'Your quote', message: 'Attached is your quote.' });
    const [email] = await app.run('find_email_message', { id: sent.emailMessageId });
    expect(email).toMatchObject({
      subject: 'Your quote',
      body: 'Attached is your quote.',
      to: [rosa.email],
      direction: 'outbound',
      contactId: rosa.id,
    });

    const status = await app.run('update_message_status', {
      conversationId: sent.conversationId,
      messageId: sent.messageId,
      status: 'delivered',
    });
    expect(status).toMatchObject({ id: sent.messageId, status: 'delivered' });

    const sms = await app.run('send_sms', { contactId: rosa.id, message: 'On our way.' });
    expect(await app.run('find_email_message', { id: sms.messageId })).toEqual([]);
  });

  it('a call message has a transcription and a downloadable recording and transcript file', async () => {
    const [, tom] = app.sandbox.state.contactsOf(app.locationId);
    const sms = await app.run('send_sms', { contactId: tom.id, message: 'Call us back when you can.' });
    const callId = await inboundCall(tom.id, sms.conversationId);

    const [transcription] = await app.run('find_message_transcription', { messageId: callId });
    expect(transcription).toMatchObject({ id: callId, messageId: callId });
    expect(transcription.transcript).toContain(`Hi ${tom.firstName}`);
    // Only calls have them.
    expect(await app.run('find_message_transcription', { messageId: sms.messageId })).toEqual([]);

    // The files themselves, as HighLevel sends them.
    const token = app.token();
    const recording = await fetch(`${app.sandbox.url}/conversations/messages/${callId}/locations/${app.locationId}/recording`, {
      headers: { Authorization: `Bearer ${token}`, Version: '2021-04-15' },
    });
    expect(recording.status).toBe(200);
    expect(recording.headers.get('content-type')).toBe('audio/x-wav');
    const wav = Buffer.from(await recording.arrayBuffer());
    expect(wav.subarray(0, 4).toString()).toBe('RIFF');
    expect(wav.subarray(8, 12).toString()).toBe('WAVE');
    const text = await call(app.sandbox, 'GET', `/conversations/locations/${app.locationId}/messages/${callId}/transcription/download`, {
      token,
      version: '2021-04-15',
    });
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text.body).toContain(`Hi ${tom.firstName}`);
  });

  it('Get Call Recording and Download Call Transcription stash the sandbox files (Zapier file upload nocked)', async () => {
    const [, , mei] = app.sandbox.state.contactsOf(app.locationId);
    const sms = await app.run('send_sms', { contactId: mei.id, message: 'Missed your call.' });
    const callId = await inboundCall(mei.id, sms.conversationId);
    const UPLOAD = 'https://zapier-uploads.example.com';
    const uploads: string[] = [];
    process.env.ZAPIER_DEPLOY_KEY = 'test-deploy-key';
    try {
      nock('https://rpc.zapier.com')
        .post('/cli')
        .times(2)
        .reply(200, (_uri, body: any) => ({
          id: (typeof body === 'string' ? JSON.parse(body) : body).id,
          result: { url: `${UPLOAD}/`, fields: { key: 'stash/file-1' } },
        }));
      nock(UPLOAD)
        // nock hands a binary multipart body over hex-encoded.
        .post(
          '/',
          (body) =>
            uploads.push(/^[0-9a-f]+$/i.test(String(body)) ? Buffer.from(String(body), 'hex').toString('latin1') : String(body)) > 0,
        )
        .times(2)
        .reply(204);
      const recording = await app.run('get_call_recording', { messageId: callId });
      expect(recording).toMatchObject({
        id: callId,
        file: `${UPLOAD}/stash/file-1`,
        filename: `recording-${callId}.wav`,
        contentType: 'audio/x-wav',
      });
      const transcript = await app.run('download_call_transcription', { messageId: callId });
      expect(transcript).toMatchObject({ filename: `transcription-${callId}.txt` });
      expect(uploads[0]).toContain('RIFF');
      expect(uploads[1]).toContain(`Hi ${mei.firstName}`);
    } finally {
      delete process.env.ZAPIER_DEPLOY_KEY;
    }
  });

  it('Show Agent Typing answers for a conversation of the location, and 404s for an unknown one', async () => {
    const [rosa] = app.sandbox.state.contactsOf(app.locationId);
    const sms = await app.run('send_sms', { contactId: rosa.id, message: 'Hello!' });
    expect(
      await app.run('show_agent_typing', { conversationId: sms.conversationId, visitor: 'visitor123abc', isTyping: true }),
    ).toMatchObject({ id: sms.conversationId, success: true });
    await expect(app.run('show_agent_typing', { conversationId: 'noSuchConversation1', visitor: 'visitor123abc' })).rejects.toThrow(
      /404|not find/i,
    );
  });
});
