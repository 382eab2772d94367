import { FieldDef, OutputField } from './field';
import * as v from './values';

export const conversationIdField: FieldDef = {
  key: 'conversationId',
  label: 'Conversation',
  helpText: 'The HighLevel conversation. Pick one (most recently active first) or map a conversation ID from an earlier step.',
  schema: v.id(),
  required: true,
  dynamic: 'conversation_list.id.name',
  search: 'find_conversation.id',
};

export const messageIdField: FieldDef = {
  key: 'messageId',
  label: 'Message',
  helpText: 'The message. Map a message ID from an earlier step (e.g. New Inbound Message), or pick one after choosing the conversation.',
  schema: v.id(),
  required: true,
  dynamic: 'conversation_message_list.id.name',
  search: 'find_message.id',
};

/** Only fills the message dropdown: the API addresses messages by ID alone. */
export const messageConversationField: FieldDef = {
  ...conversationIdField,
  required: false,
  helpText: 'Optional: choose the conversation to pick the message from a list. Not needed when you map a message ID.',
};

/** A conversation as GET /conversations/search lists it (ConversationSchema). */
export const conversationSample = {
  id: 'tDtDnQdgm2LXpyiqYvZ6',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  locationId: 've9EPM428h8vShlRW1KT',
  lastMessageBody: 'Can you come by on Thursday afternoon?',
  lastMessageType: 'TYPE_SMS',
  type: 'TYPE_PHONE',
  unreadCount: 1,
  fullName: 'Rosa Delgado',
  contactName: 'Rosa Delgado',
  email: 'rosa.delgado@example.com',
  phone: '+15550100199',
};

/** The search answer around it (`total` is required beside the list). */
export const conversationSearchAnswer = (conversation: Record<string, unknown> = conversationSample) => ({
  conversations: [conversation],
  total: 1,
});

export const conversationOutputFields: OutputField[] = [
  { key: 'id', label: 'Conversation ID' },
  { key: 'contactId', label: 'Contact ID' },
  { key: 'locationId', label: 'Location ID' },
  { key: 'lastMessageBody', label: 'Last Message' },
  { key: 'lastMessageType', label: 'Last Message Type' },
  { key: 'type', label: 'Channel' },
  { key: 'unreadCount', label: 'Unread Messages', type: 'number' },
  { key: 'fullName', label: 'Contact Name' },
  { key: 'email', label: 'Contact Email' },
  { key: 'phone', label: 'Contact Phone' },
];

/** A conversation as GET /conversations/{conversationId} returns it. */
export const conversationDetailSample = {
  id: 'tDtDnQdgm2LXpyiqYvZ6',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  locationId: 've9EPM428h8vShlRW1KT',
  deleted: false,
  inbox: true,
  type: 1,
  unreadCount: 1,
  assignedTo: 'y0BeYjuRIlDwsDcOHOJo',
  starred: false,
};

export const conversationDetailOutputFields: OutputField[] = [
  { key: 'id', label: 'Conversation ID' },
  { key: 'contactId', label: 'Contact ID' },
  { key: 'locationId', label: 'Location ID' },
  { key: 'type', label: 'Channel (1 Phone, 2 Email, 3 Messenger, 4 Review, 5 Group SMS)', type: 'number' },
  { key: 'unreadCount', label: 'Unread Messages', type: 'number' },
  { key: 'assignedTo', label: 'Assigned User ID' },
  { key: 'starred', label: 'Starred', type: 'boolean' },
  { key: 'inbox', label: 'In Inbox', type: 'boolean' },
  { key: 'deleted', label: 'Deleted', type: 'boolean' },
];

/** A message (GetMessageResponseDto): GET /conversations/messages/{id}, a conversation's messages, the export. */
export const messageSample = {
  id: 'p1mRSHeLDhAms5q0LMr4',
  type: 2,
  messageType: 'TYPE_SMS',
  locationId: 've9EPM428h8vShlRW1KT',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  conversationId: 'tDtDnQdgm2LXpyiqYvZ6',
  dateAdded: '2026-03-04T16:02:11.000Z',
  body: 'Can you come by on Thursday afternoon?',
  direction: 'inbound',
  status: 'delivered',
  contentType: 'text/plain',
  attachments: [],
  source: 'app',
};

/** A conversation's messages page (lastMessageId and nextPage are required beside the list). */
export const messagesPageAnswer = (message: Record<string, unknown> = messageSample) => ({
  lastMessageId: message.id,
  nextPage: false,
  messages: [message],
});

export const messageOutputFields: OutputField[] = [
  { key: 'id', label: 'Message ID' },
  { key: 'messageType', label: 'Message Type' },
  { key: 'conversationId', label: 'Conversation ID' },
  { key: 'contactId', label: 'Contact ID' },
  { key: 'locationId', label: 'Location ID' },
  { key: 'dateAdded', label: 'Date Added', type: 'datetime' },
  { key: 'body', label: 'Message Body' },
  { key: 'direction', label: 'Direction' },
  { key: 'status', label: 'Status' },
  { key: 'contentType', label: 'Content Type' },
  { key: 'attachments', label: 'Attachment URLs' },
  { key: 'source', label: 'Source' },
];

/** An email message (GetEmailMessageResponseDto). */
export const emailSample = {
  id: 'rnGyqh2F6uBrIkfhFo9A',
  threadId: 'p1mRSHeLDhAms5q0LMr4',
  locationId: 've9EPM428h8vShlRW1KT',
  contactId: 'seD4PfOuKoVMLkEZqohJ',
  conversationId: 'tDtDnQdgm2LXpyiqYvZ6',
  dateAdded: '2026-03-04T16:05:40.000Z',
  subject: 'Your water heater quote',
  body: '<p>Hi Rosa, your quote is attached.</p>',
  direction: 'outbound',
  status: 'delivered',
  contentType: 'text/html',
  attachments: ['https://files.example.com/quotes/Q-1042.pdf'],
  from: 'Sam Rivera <sam@delgado-plumbing.example.com>',
  to: ['rosa.delgado@example.com'],
  cc: [],
  bcc: [],
  source: 'app',
};

export const emailOutputFields: OutputField[] = [
  { key: 'id', label: 'Email Message ID' },
  { key: 'threadId', label: 'Thread ID' },
  { key: 'conversationId', label: 'Conversation ID' },
  { key: 'contactId', label: 'Contact ID' },
  { key: 'dateAdded', label: 'Date Added', type: 'datetime' },
  { key: 'subject', label: 'Subject' },
  { key: 'body', label: 'Body' },
  { key: 'direction', label: 'Direction' },
  { key: 'status', label: 'Status' },
  { key: 'from', label: 'From' },
  { key: 'to', label: 'To' },
  { key: 'cc', label: 'CC' },
  { key: 'bcc', label: 'BCC' },
  { key: 'attachments', label: 'Attachment URLs' },
];

/** What Send SMS / Send Email return (SendMessageResponseDto), with the message ID as `id`. */
export const sentMessageSample = {
  id: 't22c6DQcTDf3MjRhwf77',
  messageId: 't22c6DQcTDf3MjRhwf77',
  conversationId: 'tDtDnQdgm2LXpyiqYvZ6',
  status: 'pending',
};

/**
 * What HighLevel answers to a sent SMS (SendMessageResponseDto: messageId, conversationId, status; `emailMessageId`
 * only for emails, `msg` only for workflow messages, `messageIds` only for Google Business Messages).
 */
export const sentMessageOutputFields: OutputField[] = [
  { key: 'id', label: 'Message ID' },
  { key: 'messageId', label: 'Message ID (HighLevel)' },
  { key: 'conversationId', label: 'Conversation ID' },
  { key: 'status', label: 'Status' },
];

/** An email's answer adds the email message id (for threaded replies). */
export const sentEmailOutputFields: OutputField[] = [...sentMessageOutputFields, { key: 'emailMessageId', label: 'Email Message ID' }];

export const messageChannels = ['SMS', 'Email', 'Call', 'WhatsApp', 'Instagram', 'Facebook'] as const;
