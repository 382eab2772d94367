import { Rec, SandboxState } from '../state';
import { conversationOf, messageOf } from './conversations';
import { assertLocation, created, fail, ok, Reply, Route, RouteRequest } from './route';

// Email details, call recordings and transcriptions, delivery status and the live-chat typing signal, on the
// messages of conversations.ts. Recordings and transcript files are answered as files (audio/x-wav, text/plain),
// as the spec's response headers declare.

/** A call message of the token's location (recordings and transcriptions exist only for calls). */
function callOf(req: RouteRequest, state: SandboxState): Rec {
  assertLocation(req, req.params.locationId);
  const message = messageOf(req, state, req.params.messageId);
  if (message.messageType !== 'TYPE_CALL') fail(404, 'Recording not found for this message');
  return message;
}

/** The call's transcript, sentence by sentence (fixed text naming the contact). */
function sentences(state: SandboxState, message: Rec): string[] {
  const contact = state.contacts.get(message.contactId);
  const location = state.locations.get(message.locationId);
  return [
    'This call may be recorded for quality assurance purposes.',
    `Hi ${contact?.firstName ?? 'there'}, this is ${location?.name ?? 'the office'} returning your call.`,
    message.body ? `Notes: ${message.body}` : 'Thanks for calling.',
  ];
}

/** One second of 8 kHz 8-bit mono silence as a WAV file. */
function silentWav(): Buffer {
  const samples = 8000;
  const wav = Buffer.alloc(44 + samples, 0x80);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(8000, 24);
  wav.writeUInt32LE(8000, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples, 40);
  return wav;
}

const file = (body: Buffer | string, contentType: string, filename: string): Reply => ({
  status: 200,
  body,
  contentType,
  headers: { 'Content-Disposition': `attachment; filename="${filename}"` },
});

export const conversationExtraRoutes: Route[] = [
  {
    method: 'GET',
    path: '/conversations/messages/email/{id}',
    handle(req, state) {
      const m = messageOf(req, state, req.params.id);
      if (m.messageType !== 'TYPE_EMAIL') fail(404, 'Email message not found');
      const contact = state.contacts.get(m.contactId);
      const location = state.locations.get(m.locationId);
      const [from, to] = m.direction === 'inbound' ? [contact?.email, location?.email] : [location?.email, contact?.email];
      return ok({
        id: m.id,
        threadId: m.id,
        locationId: m.locationId,
        contactId: m.contactId,
        conversationId: m.conversationId,
        dateAdded: m.dateAdded,
        subject: m.subject ?? '',
        body: m.body,
        direction: m.direction,
        status: m.status,
        contentType: m.contentType,
        attachments: m.attachments ?? [],
        provider: 'Leadconnector Email',
        from: from ?? '',
        to: to ? [to] : [],
        source: m.source,
      });
    },
  },
  {
    method: 'GET',
    path: '/conversations/messages/{messageId}/locations/{locationId}/recording',
    handle: (req, state) => file(silentWav(), 'audio/x-wav', `${callOf(req, state).id}.wav`),
  },
  {
    // The spec types the answer as one sentence object: the whole transcript comes as sentence 0.
    method: 'GET',
    path: '/conversations/locations/{locationId}/messages/{messageId}/transcription',
    handle(req, state) {
      const message = callOf(req, state);
      const text = sentences(state, message);
      return ok({
        mediaChannel: 1,
        sentenceIndex: 0,
        startTime: 0,
        endTime: text.length * 2500,
        transcript: text.join(' '),
        confidence: 0.92,
      });
    },
  },
  {
    method: 'GET',
    path: '/conversations/locations/{locationId}/messages/{messageId}/transcription/download',
    handle(req, state) {
      const message = callOf(req, state);
      return file(sentences(state, message).join('\n') + '\n', 'text/plain; charset=utf-8', 'transcription.txt');
    },
  },
  {
    method: 'PUT',
    path: '/conversations/messages/{messageId}/status',
    handle(req, state) {
      const message = messageOf(req, state, req.params.messageId);
      message.status = req.body.status;
      if (req.body.error) message.error = req.body.error;
      return ok({
        conversationId: message.conversationId,
        messageId: message.id,
        status: message.status,
        ...(message.messageType === 'TYPE_EMAIL' ? { emailMessageId: message.id } : {}),
      });
    },
  },
  {
    method: 'POST',
    path: '/conversations/providers/live-chat/typing',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      conversationOf(req, state, req.body.conversationId);
      return created({ success: true });
    },
  },
];
