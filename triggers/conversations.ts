import { conversationsApi } from '../src/api/conversations';
import { Item } from '../src/factories/operation';
import { dropdownTrigger, personLabel } from '../src/factories/dropdown';
import { pollingTrigger } from '../src/factories/trigger';
import {
  conversationIdField,
  conversationOutputFields,
  conversationSample,
  conversationSearchAnswer,
  messageChannels,
  messagesPageAnswer,
  messageOutputFields,
  messageSample,
} from '../src/fields/conversation';
import * as v from '../src/fields/values';

/** The conversation search, most recently active first (HighLevel sorts server-side). */
const recentConversations = (limit: number) => ({ query: { sort: 'desc', sortBy: 'last_message_date', limit } });

/** A conversation's messages: the spec puts them at `messages`; live answers nest them one level deeper. */
export function conversationMessages(data: any): Item[] {
  const list = Array.isArray(data?.messages) ? data.messages : data?.messages?.messages;
  return Array.isArray(list) ? list : [];
}

/** A conversation older than this is not "new", even if it shows up near the top because of a fresh message. */
export const NEW_CONVERSATION_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * New Conversation: one request per poll, conversations sorted by last message date, newest first (HighLevel
 * cannot sort by creation). Zapier's dedupe on `id` lets each conversation through once; an old conversation that
 * comes back to the top with a new message is held back by its creation date.
 */
export const newConversationTrigger = pollingTrigger({
  key: 'new_conversation',
  noun: 'Conversation',
  label: 'New Conversation',
  description:
    'Triggers when a new conversation starts in your HighLevel location (conversations started in the last 24 hours that Zapier has not seen yet).',
  endpoint: conversationsApi.searchConversations,
  fields: [],
  perform: async (_input, ctx) => {
    const data = await ctx.call(conversationsApi.searchConversations, recentConversations(ctx.limit));
    const conversations = ((data?.conversations ?? []) as Item[]).filter(Boolean);
    if ((ctx.bundle.meta as { isLoadingSample?: boolean } | undefined)?.isLoadingSample) return conversations;
    const since = Date.now() - NEW_CONVERSATION_MAX_AGE_MS;
    return conversations.filter((c) => {
      const added = typeof c.dateAdded === 'number' ? c.dateAdded : Date.parse(c.dateAdded);
      return !Number.isFinite(added) || added >= since;
    });
  },
  resultKey: 'conversations',
  sample: conversationSample,
  sampleAnswer: conversationSearchAnswer(),
  outputFields: conversationOutputFields,
});

/**
 * New Inbound Message, location-wide: the message export sorted by creation date, newest first (one request per
 * poll), keeping inbound messages. HighLevel leaves emails out of the export unless the channel is Email.
 */
export const newInboundMessageTrigger = pollingTrigger({
  key: 'new_inbound_message',
  noun: 'Message',
  label: 'New Inbound Message',
  description: 'Triggers when a contact sends a message (SMS, call, chat…) to your HighLevel location.',
  endpoint: conversationsApi.exportMessages,
  fields: [
    {
      key: 'channel',
      label: 'Channel',
      helpText: 'Only messages of this channel. Leave empty for every channel except email; choose Email to watch emails.',
      schema: v.oneOf(messageChannels),
      choices: Object.fromEntries(messageChannels.map((c) => [c, c])),
    },
  ],
  // The export's largest page (500): inbound replies must not fall off the page behind a burst of outbound messages.
  request: (input, { limit, cursor }) => ({
    query: {
      limit: limit < 100 ? limit : 500,
      sortBy: 'createdAt',
      sortOrder: 'desc',
      channel: input.channel,
      ...(cursor ? { cursor: String(cursor) } : {}),
    },
  }),
  items: (data) => ((data?.messages ?? []) as Item[]).filter((m) => m?.direction === 'inbound'),
  serverSorted: { key: (m) => m.dateAdded, pageSize: 500, nextCursor: (data) => data?.nextCursor },
  resultKey: 'messages',
  sample: messageSample,
  sampleAnswer: { messages: [messageSample], nextCursor: 'eyJsYXN0U29ydCI6WzE3NzI2Mzk3MzEwMDBdfQ==', total: 1 },
  outputFields: messageOutputFields,
});

/**
 * New Message in Conversation: the conversation's messages, newest first, paged by the last message's id
 * (`lastMessageId`, `nextPage`): a poll reads pages down to the previous poll's newest message (src/polling.ts),
 * so a burst larger than a page (100) is emitted in full. The page is also sorted here (HighLevel does not
 * document the order).
 */
export const newConversationMessageTrigger = pollingTrigger({
  key: 'new_conversation_message',
  noun: 'Message',
  label: 'New Message in Conversation',
  description: 'Triggers when a message (inbound or outbound) is added to a chosen conversation.',
  endpoint: conversationsApi.listMessages,
  fields: [{ ...conversationIdField, helpText: 'The conversation to watch. Pick one or map a conversation ID.' }],
  request: (input, { cursor }) => ({
    path: { conversationId: input.conversationId },
    query: { limit: 100, ...(cursor ? { lastMessageId: String(cursor) } : {}) },
  }),
  items: conversationMessages,
  serverSorted: {
    key: (m) => m.dateAdded,
    pageSize: 100,
    nextCursor: (data) => {
      // The spec's page is the answer itself; some answers nest it under `messages` (see conversationMessages).
      const page = Array.isArray(data?.messages) ? data : data?.messages;
      return page?.nextPage && page.lastMessageId ? page.lastMessageId : undefined;
    },
  },
  newestFirst: (m) => m.dateAdded,
  resultKey: 'messages',
  sample: messageSample,
  sampleAnswer: messagesPageAnswer(),
  outputFields: messageOutputFields,
});

export const conversationDropdown = dropdownTrigger({
  key: 'conversation_list',
  noun: 'Conversation',
  endpoint: conversationsApi.searchConversations,
  // The search pages by the last document's sort value, which a dropdown page number cannot carry: one page.
  request: () => recentConversations(100),
  paged: false,
  resultKey: 'conversations',
  label: (c) => {
    const who = personLabel(c.fullName || c.contactName, c.email, c.phone, c.contactId || c.id);
    return c.lastMessageBody ? `${who}: ${String(c.lastMessageBody).slice(0, 60)}` : who;
  },
  sample: { ...conversationSample, name: 'Rosa Delgado (rosa.delgado@example.com): Can you come by on Thursday afternoon?' },
  sampleAnswer: conversationSearchAnswer(),
});

export const conversationMessageDropdown = dropdownTrigger({
  key: 'conversation_message_list',
  noun: 'Message',
  endpoint: conversationsApi.listMessages,
  fields: [conversationIdField],
  request: (input) => ({ path: { conversationId: input.conversationId }, query: { limit: 100 } }),
  paged: false,
  resultKey: 'messages',
  items: conversationMessages,
  label: (m) => {
    const head = [m.dateAdded && String(m.dateAdded).slice(0, 16).replace('T', ' '), m.direction, m.messageType].filter(Boolean).join(' ');
    return [head, String(m.body ?? '').slice(0, 60)].filter(Boolean).join(': ') || m.id;
  },
  sample: { ...messageSample, name: '2026-03-04 16:02 inbound TYPE_SMS: Can you come by on Thursday afternoon?' },
  sampleAnswer: messagesPageAnswer(),
});
