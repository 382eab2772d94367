import { conversationsApi } from '../src/api/conversations';
import { Item } from '../src/factories/operation';
import { searchAction } from '../src/factories/search';
import { contactIdField } from '../src/fields/common';
import {
  conversationDetailOutputFields,
  conversationDetailSample,
  emailOutputFields,
  emailSample,
  messageOutputFields,
  messageSample,
} from '../src/fields/conversation';
import * as v from '../src/fields/values';

/** Find Conversation: by ID (`GET /conversations/{id}`), else the contact's most recent conversation (the search). */
export const findConversation = searchAction({
  key: 'find_conversation',
  noun: 'Conversation',
  label: 'Find Conversation',
  description: "Finds a conversation by its ID, or a contact's most recently active conversation.",
  endpoint: conversationsApi.getConversation,
  alsoCalls: [conversationsApi.searchConversations],
  fields: [
    { key: 'conversationId', label: 'Conversation ID', helpText: 'Find the conversation with exactly this ID.', schema: v.id() },
    { ...contactIdField, required: false, search: undefined, helpText: "Or find this contact's most recently active conversation." },
  ],
  fillInOneOf: ['conversationId', 'contactId'],
  perform: async (input, ctx): Promise<Item[]> => {
    if (input.conversationId) {
      const data = await ctx.call(
        conversationsApi.getConversation,
        { path: { conversationId: input.conversationId } },
        { notFoundAsNull: true },
      );
      return data?.id ? [data] : [];
    }
    const data = await ctx.call(conversationsApi.searchConversations, {
      query: { contactId: input.contactId, sort: 'desc', sortBy: 'last_message_date', limit: 1 },
    });
    return ((data?.conversations ?? []) as Item[]).slice(0, 1);
  },
  sample: conversationDetailSample,
  outputFields: conversationDetailOutputFields,
});

export const findMessage = searchAction({
  key: 'find_message',
  noun: 'Message',
  label: 'Find Message',
  description: 'Finds a conversation message (SMS, call, chat, email…) by its ID.',
  endpoint: conversationsApi.getMessage,
  fields: [
    { key: 'id', label: 'Message ID', helpText: 'The ID of the message, e.g. from New Inbound Message.', schema: v.id(), required: true },
  ],
  sample: messageSample,
  outputFields: messageOutputFields,
});

export const findEmailMessage = searchAction({
  key: 'find_email_message',
  noun: 'Email',
  label: 'Find Email Message',
  description: 'Finds an email message (subject, body, sender and recipients) by its email message ID.',
  endpoint: conversationsApi.getEmail,
  fields: [
    {
      key: 'id',
      label: 'Email Message ID',
      helpText: 'The email message ID, e.g. "Email Message ID" from Send Email (not the conversation message ID).',
      schema: v.id(),
      required: true,
    },
  ],
  sample: emailSample,
  outputFields: emailOutputFields,
});

/** A transcription as one record: the sentences, and the whole text for later steps. */
function transcriptionResult(data: any, messageId: string): Item[] {
  const sentences = (Array.isArray(data) ? data : data && typeof data === 'object' ? [data] : []).filter(
    (s: Item) => s && typeof s.transcript === 'string',
  ) as Item[];
  if (!sentences.length) return [];
  sentences.sort((a, b) => Number(a.sentenceIndex ?? 0) - Number(b.sentenceIndex ?? 0));
  return [{ ...sentences[0], id: messageId, messageId, transcript: sentences.map((s) => s.transcript).join(' '), sentences }];
}

export const findMessageTranscription = searchAction({
  key: 'find_message_transcription',
  noun: 'Transcription',
  label: 'Find Call Transcription',
  description: 'Finds the transcription of a recorded call message, as text and sentence by sentence.',
  endpoint: conversationsApi.getTranscription,
  fields: [
    {
      key: 'messageId',
      label: 'Call Message ID',
      helpText: 'The ID of the call message whose transcription to read.',
      schema: v.id(),
      required: true,
    },
  ],
  results: (data, input) => transcriptionResult(data, input.messageId),
  sample: {
    id: 'p1mRSHeLDhAms5q0LMr4',
    messageId: 'p1mRSHeLDhAms5q0LMr4',
    mediaChannel: 1,
    sentenceIndex: 0,
    startTime: 340,
    endTime: 2150,
    transcript: 'This call may be recorded for quality assurance purposes. Hi Rosa, this is Sam from Delgado Plumbing.',
    confidence: 0.93,
    sentences: [
      {
        mediaChannel: 1,
        sentenceIndex: 0,
        startTime: 340,
        endTime: 2150,
        transcript: 'This call may be recorded for quality assurance purposes.',
        confidence: 0.93,
      },
      {
        mediaChannel: 2,
        sentenceIndex: 1,
        startTime: 2400,
        endTime: 4100,
        transcript: 'Hi Rosa, this is Sam from Delgado Plumbing.',
        confidence: 0.91,
      },
    ],
  },
  sampleAnswer: {
    mediaChannel: 1,
    sentenceIndex: 0,
    startTime: 340,
    endTime: 2150,
    transcript: 'This call may be recorded for quality assurance purposes.',
    confidence: 0.93,
  },
  outputFields: [
    { key: 'id', label: 'Message ID' },
    { key: 'transcript', label: 'Transcript' },
    { key: 'confidence', label: 'Confidence of the First Sentence', type: 'number' },
    { key: 'sentences', label: 'Sentences' },
  ],
});
