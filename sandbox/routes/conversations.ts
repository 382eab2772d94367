import { newId, Rec, SandboxState } from '../state';
import { contactOf, fail, ok, Route, RouteRequest } from './route';

/**
 * Conversations and messages, kept beside the shared state (one store per sandbox) so the core state stays as
 * it is. A contact has at most one conversation; sending or receiving a message starts it.
 */
interface Store {
  conversations: Map<string, Rec>;
  messages: Map<string, Rec>;
}
const stores = new WeakMap<SandboxState, Store>();
export function storeOf(state: SandboxState): Store {
  let store = stores.get(state);
  if (!store) stores.set(state, (store = { conversations: new Map(), messages: new Map() }));
  return store;
}

const CHANNELS: Record<string, { type: number; messageType: string; conversationType: string }> = {
  SMS: { type: 2, messageType: 'TYPE_SMS', conversationType: 'TYPE_PHONE' },
  Email: { type: 3, messageType: 'TYPE_EMAIL', conversationType: 'TYPE_EMAIL' },
  Call: { type: 1, messageType: 'TYPE_CALL', conversationType: 'TYPE_PHONE' },
  WhatsApp: { type: 19, messageType: 'TYPE_WHATSAPP', conversationType: 'TYPE_PHONE' },
  Instagram: { type: 18, messageType: 'TYPE_INSTAGRAM', conversationType: 'TYPE_FB_MESSENGER' },
  Facebook: { type: 11, messageType: 'TYPE_FACEBOOK', conversationType: 'TYPE_FB_MESSENGER' },
};
const channelOf = (type: string) => CHANNELS[type] ?? fail(422, [`type must be one of: ${Object.keys(CHANNELS).join(', ')}`]);

export function conversationOf(req: RouteRequest, state: SandboxState, id: string): Rec {
  const conversation = storeOf(state).conversations.get(id);
  if (!conversation || conversation.locationId !== req.locationId) fail(404, 'Conversation not found');
  return conversation;
}

export function messageOf(req: RouteRequest, state: SandboxState, id: string): Rec {
  const message = storeOf(state).messages.get(id);
  if (!message || message.locationId !== req.locationId) fail(404, 'Message not found');
  return message;
}

/** Adds a message to the contact's conversation (started if needed) and moves the conversation to the top. */
function addMessage(
  req: RouteRequest,
  state: SandboxState,
  contactId: string,
  direction: 'inbound' | 'outbound',
): { conversation: Rec; message: Rec } {
  const contact = contactOf(req, state, contactId);
  const channel = channelOf(req.body.type);
  const store = storeOf(state);
  const now = state.now();
  let conversation = [...store.conversations.values()].find((c) => c.contactId === contact.id);
  if (!conversation) {
    conversation = {
      id: newId(),
      contactId: contact.id,
      locationId: req.locationId,
      type: channel.conversationType,
      unreadCount: 0,
      fullName: contact.name ?? [contact.firstName, contact.lastName].filter(Boolean).join(' '),
      contactName: contact.name ?? '',
      email: contact.email ?? '',
      phone: contact.phone ?? '',
      dateAdded: Date.parse(now),
    };
    store.conversations.set(conversation.id, conversation);
  }
  const body = req.body.message ?? req.body.html ?? '';
  const message: Rec = {
    id: newId(),
    type: channel.type,
    messageType: channel.messageType,
    locationId: req.locationId,
    contactId: contact.id,
    conversationId: conversation.id,
    dateAdded: now,
    body,
    direction,
    status: direction === 'inbound' ? 'delivered' : 'pending',
    contentType: req.body.html ? 'text/html' : 'text/plain',
    attachments: req.body.attachments ?? [],
    source: 'api',
    ...(req.body.subject ? { subject: req.body.subject } : {}),
  };
  store.messages.set(message.id, message);
  Object.assign(conversation, {
    lastMessageBody: body,
    lastMessageType: channel.messageType,
    lastMessageDate: Date.parse(now),
    dateUpdated: Date.parse(now),
    unreadCount: direction === 'inbound' ? conversation.unreadCount + 1 : conversation.unreadCount,
  });
  return { conversation, message };
}

const byDateDesc = (a: Rec, b: Rec) => (a.dateAdded < b.dateAdded ? 1 : a.dateAdded > b.dateAdded ? -1 : 0);

export const conversationRoutes: Route[] = [
  {
    // Sorted by last message date (`sort`, default asc as HighLevel's); `startAfterDate` is the last sort value seen.
    method: 'GET',
    path: '/conversations/search',
    handle(req, state) {
      const desc = req.query.sort === 'desc';
      const after = req.query.startAfterDate ? Number(req.query.startAfterDate) : undefined;
      const all = [...storeOf(state).conversations.values()]
        .filter((c) => c.locationId === req.locationId)
        .filter((c) => !req.query.contactId || c.contactId === req.query.contactId)
        .filter((c) => !req.query.id || c.id === req.query.id)
        .sort((a, b) => (desc ? b.lastMessageDate - a.lastMessageDate : a.lastMessageDate - b.lastMessageDate))
        .filter((c) => after === undefined || (desc ? c.lastMessageDate < after : c.lastMessageDate > after));
      const limit = Number(req.query.limit) || 20;
      return ok({ conversations: all.slice(0, limit), total: all.length });
    },
  },
  {
    method: 'GET',
    path: '/conversations/{conversationId}',
    handle(req, state) {
      const c = conversationOf(req, state, req.params.conversationId);
      return ok({
        id: c.id,
        contactId: c.contactId,
        locationId: c.locationId,
        deleted: false,
        inbox: true,
        type: c.type === 'TYPE_EMAIL' ? 2 : 1,
        unreadCount: c.unreadCount,
        starred: false,
      });
    },
  },
  {
    method: 'GET',
    path: '/conversations/{conversationId}/messages',
    handle(req, state) {
      const conversation = conversationOf(req, state, req.params.conversationId);
      const all = [...storeOf(state).messages.values()].filter((m) => m.conversationId === conversation.id).sort(byDateDesc);
      const start = req.query.lastMessageId ? all.findIndex((m) => m.id === req.query.lastMessageId) + 1 : 0;
      const limit = Number(req.query.limit) || 20;
      const messages = all.slice(start, start + limit);
      return ok({ lastMessageId: messages.at(-1)?.id ?? '', nextPage: start + limit < all.length, messages });
    },
  },
  {
    // Newest first by default; emails only with channel=Email, as HighLevel's export. The cursor is HighLevel's
    // shape, base64 of {"lastSort":[ms]} (here with the id as a tie-break): stable while messages arrive on top.
    method: 'GET',
    path: '/conversations/messages/export',
    handle(req, state) {
      const channel = req.query.channel;
      const all = [...storeOf(state).messages.values()]
        .filter((m) => m.locationId === req.locationId)
        .filter((m) => (channel ? m.messageType === CHANNELS[channel]?.messageType : m.messageType !== 'TYPE_EMAIL'))
        .filter((m) => !req.query.contactId || m.contactId === req.query.contactId)
        .filter((m) => !req.query.conversationId || m.conversationId === req.query.conversationId)
        .sort((a, b) => byDateDesc(a, b) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
      if (req.query.sortOrder === 'asc') all.reverse();
      const sortOf = (m: Rec): [number, string] => [Date.parse(m.dateAdded), String(m.id)];
      let after: [number, string] | undefined;
      try {
        const parsed = req.query.cursor ? JSON.parse(Buffer.from(req.query.cursor, 'base64').toString()).lastSort : undefined;
        if (Array.isArray(parsed) && typeof parsed[0] === 'number') after = [parsed[0], String(parsed[1] ?? '')];
      } catch {
        fail(422, ['cursor must be a cursor from a previous answer']);
      }
      const desc = req.query.sortOrder !== 'asc';
      const beyond = (m: Rec) => {
        if (!after) return true;
        const [ms, id] = sortOf(m);
        const c = ms !== after[0] ? ms - after[0] : id < after[1] ? -1 : id > after[1] ? 1 : 0;
        return desc ? c < 0 : c > 0;
      };
      const limit = Number(req.query.limit) || 100;
      const rest = all.filter(beyond);
      const messages = rest.slice(0, limit);
      const last = messages.at(-1);
      const next = rest.length > limit && last ? Buffer.from(JSON.stringify({ lastSort: sortOf(last) })).toString('base64') : undefined;
      return ok({ messages, total: all.length, ...(next ? { nextCursor: next } : {}) });
    },
  },
  {
    method: 'GET',
    path: '/conversations/messages/{id}',
    handle(req, state) {
      return ok(messageOf(req, state, req.params.id));
    },
  },
  {
    // Send SMS / Email to a contact.
    method: 'POST',
    path: '/conversations/messages',
    handle(req, state) {
      const { conversation, message } = addMessage(req, state, req.body.contactId, 'outbound');
      return ok({
        conversationId: conversation.id,
        messageId: message.id,
        ...(message.messageType === 'TYPE_EMAIL' ? { emailMessageId: message.id } : {}),
        status: 'pending',
      });
    },
  },
  {
    // A contact's message arriving (how the walkthrough makes New Inbound Message fire).
    method: 'POST',
    path: '/conversations/messages/inbound',
    handle(req, state) {
      const { conversation, message } = addMessage(req, state, req.body.contactId, 'inbound');
      return ok({ success: true, conversationId: conversation.id, messageId: message.id, message: 'Message received' });
    },
  },
];
