import nock from 'nock';
import { conversationSample, messageSample } from '../../src/fields/conversation';
import { AUTH, highlevel, operation, run } from '../support/highlevel';

const V = '2021-04-15';
const message = (id: string, dateAdded: string, extra: Record<string, unknown> = {}) => ({ ...messageSample, id, dateAdded, ...extra });

describe('conversation triggers', () => {
  it('New Conversation asks for the most recently active conversations first, in one request', async () => {
    const scope = highlevel()
      .get('/conversations/search')
      .query({ locationId: AUTH.locationId, sort: 'desc', sortBy: 'last_message_date', limit: '100' })
      .matchHeader('version', V)
      .matchHeader('authorization', `Bearer ${AUTH.access_token}`)
      .reply(200, {
        conversations: [
          { ...conversationSample, id: 'cv2', dateAdded: Date.now() - 60_000 },
          { ...conversationSample, id: 'cv1', dateAdded: new Date(Date.now() - 3_600_000).toISOString() },
        ],
        total: 2,
      });
    const results = await run(operation('new_conversation'));
    expect(results.map((c: any) => c.id)).toEqual(['cv2', 'cv1']);
    scope.done();
  });

  it('New Conversation holds back an old conversation that a new message brought to the top', async () => {
    highlevel()
      .get('/conversations/search')
      .query(true)
      .reply(200, {
        conversations: [
          { ...conversationSample, id: 'old', dateAdded: Date.now() - 3 * 86_400_000 },
          { ...conversationSample, id: 'new', dateAdded: Date.now() - 60_000 },
        ],
      });
    expect((await run(operation('new_conversation'))).map((c: any) => c.id)).toEqual(['new']);
  });

  it('New Inbound Message reads the message export newest first and keeps inbound messages', async () => {
    const scope = highlevel()
      .get('/conversations/messages/export')
      .query({ locationId: AUTH.locationId, limit: '500', sortBy: 'createdAt', sortOrder: 'desc', channel: 'SMS' })
      .matchHeader('version', V)
      .reply(200, {
        messages: [
          message('m3', '2026-03-04T16:03:00.000Z'),
          message('m2', '2026-03-04T16:02:00.000Z', { direction: 'outbound' }),
          message('m1', '2026-03-04T16:01:00.000Z'),
        ],
        total: 3,
      });
    const results = await run(operation('new_inbound_message'), { channel: 'SMS' });
    expect(results.map((m: any) => m.id)).toEqual(['m3', 'm1']);
    scope.done();
  });

  it('New Inbound Message rejects an unknown channel before any request', async () => {
    await expect(run(operation('new_inbound_message'), { channel: 'Pigeon' })).rejects.toThrow(/Channel \(channel\)/);
  });

  it("New Message in Conversation sorts the conversation's messages newest first (also when HighLevel nests them)", async () => {
    const scope = highlevel()
      .get('/conversations/cv1/messages')
      .query({ limit: '100' })
      .matchHeader('version', V)
      .reply(200, {
        messages: {
          lastMessageId: 'm1',
          nextPage: false,
          messages: [message('m1', '2026-03-01T10:00:00.000Z'), message('m2', '2026-03-02T10:00:00.000Z')],
        },
      });
    const results = await run(operation('new_conversation_message'), { conversationId: 'cv1' });
    expect(results.map((m: any) => m.id)).toEqual(['m2', 'm1']);
    scope.done();
  });

  it('the conversation dropdown names each conversation by contact and last message', async () => {
    highlevel()
      .get('/conversations/search')
      .query(true)
      .reply(200, { conversations: [conversationSample], total: 1 });
    const results = await run(operation('conversation_list'));
    expect(results).toEqual([
      expect.objectContaining({
        id: conversationSample.id,
        name: 'Rosa Delgado (rosa.delgado@example.com): Can you come by on Thursday afternoon?',
      }),
    ]);
  });

  it('the message dropdown lists the messages of the chosen conversation', async () => {
    highlevel()
      .get('/conversations/cv1/messages')
      .query(true)
      .reply(200, { lastMessageId: 'm1', nextPage: false, messages: [message('m1', '2026-03-04T16:02:11.000Z')] });
    const results = await run(operation('conversation_message_list'), { conversationId: 'cv1' });
    expect(results).toEqual([
      expect.objectContaining({ id: 'm1', name: '2026-03-04 16:02 inbound TYPE_SMS: Can you come by on Thursday afternoon?' }),
    ]);
  });
});

describe('conversation searches', () => {
  it('Find Conversation by ID reads the conversation; a 404 is no result', async () => {
    highlevel()
      .get('/conversations/cv1')
      .matchHeader('version', V)
      .reply(200, { id: 'cv1', contactId: 'c1', locationId: AUTH.locationId, deleted: false, inbox: true, type: 1, unreadCount: 0 });
    expect(await run(operation('find_conversation'), { conversationId: 'cv1' })).toEqual([expect.objectContaining({ id: 'cv1' })]);
    highlevel().get('/conversations/missing').reply(404, { statusCode: 404, message: 'Conversation not found' });
    expect(await run(operation('find_conversation'), { conversationId: 'missing' })).toEqual([]);
  });

  it("Find Conversation by contact returns the contact's most recent conversation", async () => {
    const scope = highlevel()
      .get('/conversations/search')
      .query({ locationId: AUTH.locationId, contactId: 'c1', sort: 'desc', sortBy: 'last_message_date', limit: '1' })
      .reply(200, { conversations: [{ ...conversationSample, id: 'cv9' }], total: 1 });
    expect(await run(operation('find_conversation'), { contactId: 'c1' })).toEqual([expect.objectContaining({ id: 'cv9' })]);
    scope.done();
  });

  it('Find Message reads GET /conversations/messages/{id}; a 404 is no result', async () => {
    highlevel().get('/conversations/messages/m1').matchHeader('version', V).reply(200, message('m1', '2026-03-04T16:02:11.000Z'));
    expect(await run(operation('find_message'), { id: 'm1' })).toEqual([expect.objectContaining({ id: 'm1', body: messageSample.body })]);
    highlevel().get('/conversations/messages/gone').reply(404, { message: 'Message not found' });
    expect(await run(operation('find_message'), { id: 'gone' })).toEqual([]);
  });

  it('Find Email Message reads GET /conversations/messages/email/{id}', async () => {
    const scope = highlevel()
      .get('/conversations/messages/email/e1')
      .matchHeader('authorization', `Bearer ${AUTH.access_token}`)
      .reply(200, {
        id: 'e1',
        threadId: 't1',
        locationId: AUTH.locationId,
        contactId: 'c1',
        conversationId: 'cv1',
        dateAdded: '2026-03-04T16:05:40.000Z',
        body: 'Hi',
        direction: 'outbound',
        contentType: 'text/html',
        from: 'sam@example.com',
        to: ['rosa@example.com'],
        subject: 'Quote',
      });
    expect(await run(operation('find_email_message'), { id: 'e1' })).toEqual([expect.objectContaining({ id: 'e1', subject: 'Quote' })]);
    scope.done();
  });

  it('Find Call Transcription joins the sentences in order, on the path with the location', async () => {
    const scope = highlevel()
      .get(`/conversations/locations/${AUTH.locationId}/messages/m1/transcription`)
      .matchHeader('version', V)
      .reply(200, [
        { mediaChannel: 2, sentenceIndex: 1, startTime: 2400, endTime: 4100, transcript: 'Hi Rosa.', confidence: 0.9 },
        { mediaChannel: 1, sentenceIndex: 0, startTime: 340, endTime: 2150, transcript: 'This call may be recorded.', confidence: 0.93 },
      ]);
    const [result] = await run(operation('find_message_transcription'), { messageId: 'm1' });
    expect(result).toMatchObject({ id: 'm1', transcript: 'This call may be recorded. Hi Rosa.', confidence: 0.93 });
    expect(result.sentences).toHaveLength(2);
    scope.done();
  });
});

describe('Send SMS and Send Email', () => {
  it('Send SMS posts an SMS to the contact and returns the message ID as id', async () => {
    const scope = highlevel()
      .post('/conversations/messages', {
        type: 'SMS',
        contactId: 'c1',
        message: 'See you Thursday!',
        fromNumber: '+15550100150',
        scheduledTimestamp: 1772640000,
      })
      .matchHeader('version', V)
      .reply(201, { conversationId: 'cv1', messageId: 'm9', status: 'pending' });
    const result = await run(operation('send_sms'), {
      contactId: 'c1',
      message: 'See you Thursday!',
      fromNumber: '+15550100150',
      scheduledAt: '2026-03-04T16:00:00Z',
      toNumber: '',
    });
    expect(result).toMatchObject({ id: 'm9', conversationId: 'cv1', status: 'pending' });
    scope.done();
  });

  it('Send SMS needs a contact and a message, and sends nothing without them', async () => {
    await expect(run(operation('send_sms'), { message: 'Hi' })).rejects.toThrow(/Contact \(contactId\) is required/);
    await expect(run(operation('send_sms'), { contactId: 'c1', message: '   ' })).rejects.toThrow(/Message \(message\)/);
  });

  it('Send Email posts subject, HTML and recipients', async () => {
    const scope = highlevel()
      .post('/conversations/messages', {
        type: 'Email',
        contactId: 'c1',
        subject: 'Your quote',
        html: '<p>Attached.</p>',
        emailCc: ['office@example.com'],
        attachments: ['https://files.example.com/q.pdf'],
      })
      .reply(201, { conversationId: 'cv1', messageId: 'm10', emailMessageId: 'e10', status: 'pending' });
    const result = await run(operation('send_email'), {
      contactId: 'c1',
      subject: 'Your quote',
      html: '<p>Attached.</p>',
      emailCc: 'office@example.com',
      attachments: ['https://files.example.com/q.pdf'],
    });
    expect(result).toMatchObject({ id: 'm10', emailMessageId: 'e10' });
    scope.done();
  });

  it('Send Email without a body fails naming both body fields, before any request', async () => {
    await expect(run(operation('send_email'), { contactId: 'c1', subject: 'Hi' })).rejects.toThrow(/HTML Body.*Plain Text Body/);
    await expect(run(operation('send_email'), { contactId: 'c1', subject: 'Hi', message: 'x', emailCc: 'not-an-email' })).rejects.toThrow(
      /CC \(emailCc\)/,
    );
  });
});

describe('message actions', () => {
  it('Update Message Status puts the status to the message', async () => {
    const scope = highlevel()
      .put('/conversations/messages/m1/status', { status: 'read' })
      .matchHeader('version', V)
      .reply(200, { conversationId: 'cv1', messageId: 'm1', status: 'read' });
    expect(await run(operation('update_message_status'), { messageId: 'm1', status: 'read' })).toMatchObject({ id: 'm1', status: 'read' });
    scope.done();
    await expect(run(operation('update_message_status'), { messageId: 'm1', status: 'seen' })).rejects.toThrow(/Status \(status\)/);
  });

  it('Show Agent Typing posts the typing state for the visitor', async () => {
    const scope = highlevel()
      .post('/conversations/providers/live-chat/typing', {
        locationId: AUTH.locationId,
        conversationId: 'cv1',
        visitorId: 'visitor_1',
        isTyping: 'false',
      })
      .reply(201, { success: true });
    expect(await run(operation('show_agent_typing'), { conversationId: 'cv1', visitor: 'visitor_1', isTyping: 'no' })).toEqual({
      id: 'cv1',
      conversationId: 'cv1',
      success: true,
    });
    scope.done();
  });
});

/**
 * File downloads become files through `z.stashFile`, which uploads through Zapier's RPC. Offline (core 19), the
 * app tester has no RPC: it needs ZAPIER_DEPLOY_KEY, then asks rpc.zapier.com for a presigned upload and posts
 * the file there. Both are nocked here, so the real stashFile runs end to end.
 */
describe('file downloads', () => {
  const UPLOAD = 'https://zapier-uploads.example.com';
  let uploaded = '';
  beforeEach(() => {
    process.env.ZAPIER_DEPLOY_KEY = 'test-deploy-key';
    uploaded = '';
    nock('https://rpc.zapier.com')
      .post('/cli')
      .reply(200, (_uri, body: any) => ({
        id: (typeof body === 'string' ? JSON.parse(body) : body).id,
        result: { url: `${UPLOAD}/`, fields: { key: 'stash/file-123' } },
      }));
    nock(UPLOAD)
      .post('/', (body) => {
        uploaded = String(body);
        return true;
      })
      .reply(204);
  });
  afterEach(() => {
    delete process.env.ZAPIER_DEPLOY_KEY;
  });

  it('Get Call Recording stashes the audio and returns its file URL', async () => {
    const scope = highlevel()
      .get(`/conversations/messages/m1/locations/${AUTH.locationId}/recording`)
      .matchHeader('version', V)
      .reply(200, Buffer.from('RIFF....WAVEfmt '), {
        'Content-Type': 'audio/x-wav',
        'Content-Disposition': 'attachment; filename=audio.wav',
      });
    const result = await run(operation('get_call_recording'), { messageId: 'm1' });
    expect(result).toEqual({
      id: 'm1',
      messageId: 'm1',
      file: `${UPLOAD}/stash/file-123`,
      filename: 'recording-m1.wav',
      contentType: 'audio/x-wav',
    });
    expect(uploaded).toContain('RIFF....WAVEfmt');
    scope.done();
  });

  it('Download Call Transcription stashes the text file', async () => {
    highlevel()
      .get(`/conversations/locations/${AUTH.locationId}/messages/m1/transcription/download`)
      .reply(200, 'This call may be recorded.', { 'Content-Type': 'text/plain' });
    const result = await run(operation('download_call_transcription'), { messageId: 'm1' });
    expect(result).toMatchObject({ file: `${UPLOAD}/stash/file-123`, filename: 'transcription-m1.txt' });
    expect(uploaded).toContain('This call may be recorded.');
  });

  it("a failed download is HighLevel's error, and nothing is stashed", async () => {
    nock.cleanAll();
    highlevel().get(`/conversations/messages/m2/locations/${AUTH.locationId}/recording`).reply(404, { message: 'Recording not found' });
    await expect(run(operation('get_call_recording'), { messageId: 'm2' })).rejects.toThrow(
      /could not find that record \(404\): Recording not found/,
    );
  });
});
