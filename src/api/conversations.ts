import { endpoint } from './endpoint';

// Conversations and messages (conversations.json). Every operation here declares Version 2021-04-15, except
// get-email-by-id, which declares none: it gets the same value as the rest of the file.
const version = '2021-04-15' as const;
const read = 'conversations.readonly';
const msgRead = 'conversations/message.readonly';
const msgWrite = 'conversations/message.write';

export const conversationsApi = {
  searchConversations: endpoint('conversations.json', 'GET /conversations/search', {
    operationId: 'search-conversation',
    scope: read,
    version,
    locationIn: 'query',
  }),
  getConversation: endpoint('conversations.json', 'GET /conversations/{conversationId}', {
    operationId: 'get-conversation',
    scope: read,
    version,
  }),
  getEmail: endpoint('conversations.json', 'GET /conversations/messages/email/{id}', {
    operationId: 'get-email-by-id',
    scope: msgRead,
    version,
  }),
  getMessage: endpoint('conversations.json', 'GET /conversations/messages/{id}', { operationId: 'get-message', scope: msgRead, version }),
  listMessages: endpoint('conversations.json', 'GET /conversations/{conversationId}/messages', {
    operationId: 'get-messages',
    scope: msgRead,
    version,
  }),
  exportMessages: endpoint('conversations.json', 'GET /conversations/messages/export', {
    operationId: 'export-messages-by-location',
    scope: msgRead,
    version,
    locationIn: 'query',
  }),
  getRecording: endpoint('conversations.json', 'GET /conversations/messages/{messageId}/locations/{locationId}/recording', {
    operationId: 'get-message-recording',
    scope: msgRead,
    version,
  }),
  getTranscription: endpoint('conversations.json', 'GET /conversations/locations/{locationId}/messages/{messageId}/transcription', {
    operationId: 'get-message-transcription',
    scope: msgRead,
    version,
  }),
  downloadTranscription: endpoint(
    'conversations.json',
    'GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download',
    { operationId: 'download-message-transcription', scope: msgRead, version },
  ),
  sendMessage: endpoint('conversations.json', 'POST /conversations/messages', {
    operationId: 'send-a-new-message',
    scope: msgWrite,
    version,
  }),
  updateMessageStatus: endpoint('conversations.json', 'PUT /conversations/messages/{messageId}/status', {
    operationId: 'update-message-status',
    scope: msgWrite,
    version,
  }),
  agentTyping: endpoint('conversations.json', 'POST /conversations/providers/live-chat/typing', {
    operationId: 'live-chat-agent-typing',
    scope: 'conversations/livechat.write',
    version,
    locationIn: 'body',
  }),
};
