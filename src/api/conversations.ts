import { endpoint } from './endpoint';

// Conversations and messages (conversations.json). Every operation here declares Version 2021-04-15, except
// get-email-by-id, which declares none: it gets the same value as the rest of the file.
const version = '2021-04-15' as const;
const read = 'conversations.readonly';
const msgRead = 'conversations/message.readonly';
const msgWrite = 'conversations/message.write';

/** An endpoint of conversations.json, with the file's Version. */
const conversations = (route: Parameters<typeof endpoint>[1], rest: Omit<Parameters<typeof endpoint>[2], 'version'>) =>
  endpoint('conversations.json', route, { ...rest, version });

export const conversationsApi = {
  searchConversations: conversations('GET /conversations/search', { operationId: 'search-conversation', scope: read, locationIn: 'query' }),
  getConversation: conversations('GET /conversations/{conversationId}', { operationId: 'get-conversation', scope: read }),
  getEmail: conversations('GET /conversations/messages/email/{id}', { operationId: 'get-email-by-id', scope: msgRead }),
  getMessage: conversations('GET /conversations/messages/{id}', { operationId: 'get-message', scope: msgRead }),
  listMessages: conversations('GET /conversations/{conversationId}/messages', { operationId: 'get-messages', scope: msgRead }),
  exportMessages: conversations('GET /conversations/messages/export', {
    operationId: 'export-messages-by-location',
    scope: msgRead,
    locationIn: 'query',
  }),
  getRecording: conversations('GET /conversations/messages/{messageId}/locations/{locationId}/recording', {
    operationId: 'get-message-recording',
    scope: msgRead,
  }),
  getTranscription: conversations('GET /conversations/locations/{locationId}/messages/{messageId}/transcription', {
    operationId: 'get-message-transcription',
    scope: msgRead,
  }),
  downloadTranscription: conversations('GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download', {
    operationId: 'download-message-transcription',
    scope: msgRead,
  }),
  sendMessage: conversations('POST /conversations/messages', { operationId: 'send-a-new-message', scope: msgWrite }),
  updateMessageStatus: conversations('PUT /conversations/messages/{messageId}/status', {
    operationId: 'update-message-status',
    scope: msgWrite,
  }),
  agentTyping: conversations('POST /conversations/providers/live-chat/typing', {
    operationId: 'live-chat-agent-typing',
    scope: 'conversations/livechat.write',
    locationIn: 'body',
  }),
};
