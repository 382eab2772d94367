import type { HttpResponse } from 'zapier-platform-core';
import { conversationsApi } from '../src/api/conversations';
import { Endpoint } from '../src/api/endpoint';
import { createAction } from '../src/factories/create';
import { Context, Item } from '../src/factories/operation';
import { contactIdField } from '../src/fields/common';
import {
  conversationIdField,
  messageConversationField,
  messageIdField,
  sentEmailOutputFields,
  sentMessageOutputFields,
  sentMessageSample,
} from '../src/fields/conversation';
import { FieldDef } from '../src/fields/field';
import { fromNumberField } from '../src/fields/phoneNumber';
import * as v from '../src/fields/values';

const recipient: FieldDef = {
  ...contactIdField,
  helpText: 'The contact to send to. Pick one, search by name or email, or map a contact ID.',
};
const attachmentsField: FieldDef = {
  key: 'attachments',
  label: 'Attachment URLs',
  helpText: 'Public URLs of files to attach, one per line (e.g. a PDF from an earlier step).',
  schema: v.stringList(v.url()),
  list: true,
};
const scheduleField: FieldDef = {
  key: 'scheduledAt',
  label: 'Send At',
  helpText: 'Send at this date and time instead of now, e.g. 2026-03-10T09:00:00-05:00 (optional).',
  schema: v.dateTime(),
};

/** HighLevel schedules by UTC timestamp in seconds. */
const scheduled = (at?: string) => (at ? { scheduledTimestamp: Math.floor(Date.parse(at) / 1000) } : {});
const sentResult = (data: any) => ({ ...data, id: data.messageId ?? data.messageIds?.[0] });

export const sendSms = createAction({
  key: 'send_sms',
  noun: 'SMS',
  label: 'Send SMS',
  description: "Sends an SMS to a contact from your location's phone number.",
  endpoint: conversationsApi.sendMessage,
  fields: [
    recipient,
    { key: 'message', label: 'Message', helpText: 'The text of the SMS.', schema: v.text(1600), required: true, type: 'text' },
    fromNumberField,
    { key: 'toNumber', label: 'To Number', helpText: "Send to this number instead of the contact's primary phone.", schema: v.phone() },
    { ...attachmentsField, helpText: 'Public URLs of images or files to send as MMS, one per line.' },
    scheduleField,
  ],
  request: ({ scheduledAt, ...input }) => ({ body: { type: 'SMS', ...input, ...scheduled(scheduledAt) } }),
  result: sentResult,
  sample: sentMessageSample,
  outputFields: sentMessageOutputFields,
});

const emailList = (key: string, label: string, helpText: string): FieldDef => ({
  key,
  label,
  helpText,
  schema: v.stringList(v.email()),
  list: true,
});

export const sendEmail = createAction({
  key: 'send_email',
  noun: 'Email',
  label: 'Send Email',
  description: 'Sends an email to a contact through the conversations of your location.',
  endpoint: conversationsApi.sendMessage,
  fields: [
    recipient,
    { key: 'subject', label: 'Subject', helpText: 'The subject line of the email.', schema: v.text(998), required: true },
    {
      key: 'html',
      label: 'HTML Body',
      helpText: 'The email body as HTML. Fill in this or Plain Text Body.',
      schema: v.text(500_000),
      type: 'text',
    },
    {
      key: 'message',
      label: 'Plain Text Body',
      helpText: 'The email body as plain text, used when HTML Body is empty.',
      schema: v.text(500_000),
      type: 'text',
    },
    {
      key: 'emailFrom',
      label: 'From',
      helpText: 'Sender address, e.g. "Sam Rivera <sam@example.com>" (default: the location\'s sender).',
      schema: v.text(320),
    },
    {
      key: 'emailTo',
      label: 'To Email',
      helpText: "Send to this address of the contact instead of the contact's primary email.",
      schema: v.email(),
    },
    emailList('emailCc', 'CC', 'Addresses to copy, one per line.'),
    emailList('emailBcc', 'BCC', 'Addresses to blind-copy, one per line.'),
    attachmentsField,
    scheduleField,
  ],
  perform: async ({ scheduledAt, ...input }, ctx) => {
    if (!input.html && !input.message) {
      throw new ctx.z.errors.Error(
        'Send Email: invalid input. Fill in "HTML Body" (html) or "Plain Text Body" (message).',
        'InvalidInput',
        400,
      );
    }
    const data = await ctx.call(conversationsApi.sendMessage, { body: { type: 'Email', ...input, ...scheduled(scheduledAt) } });
    return sentResult(data ?? {});
  },
  sample: { ...sentMessageSample, emailMessageId: 'rnGyqh2F6uBrIkfhFo9A' },
  outputFields: sentEmailOutputFields,
});

/**
 * A download as a file: the raw response goes to `z.stashFile`, which stores it with Zapier and returns a URL
 * later steps can use as a file. (Zapier allows stashing in actions, hence actions, not searches.)
 */
async function stashDownload(ctx: Context, endpoint: Endpoint, messageId: string, filename: string): Promise<Item> {
  const response = (await ctx.call(endpoint, { path: { messageId } }, { raw: true })) as unknown as HttpResponse;
  const contentType = response.headers?.get?.('content-type') ?? undefined;
  const file = await ctx.z.stashFile(response as any, undefined, filename, contentType || undefined);
  return { id: messageId, messageId, file, filename, contentType };
}

const fileOutputFields = [
  { key: 'id', label: 'Message ID' },
  { key: 'file', label: 'File' },
  { key: 'filename', label: 'File Name' },
  { key: 'contentType', label: 'Content Type' },
];

export const getCallRecording = createAction({
  key: 'get_call_recording',
  noun: 'Recording',
  label: 'Get Call Recording',
  description: 'Gets the audio recording of a call or voicemail message as a file for later steps.',
  endpoint: conversationsApi.getRecording,
  fields: [
    messageConversationField,
    { ...messageIdField, helpText: 'The call message whose recording to get. Map its ID, or pick it after choosing the conversation.' },
  ],
  perform: (input, ctx) => stashDownload(ctx, conversationsApi.getRecording, input.messageId, `recording-${input.messageId}.wav`),
  sample: {
    id: 'p1mRSHeLDhAms5q0LMr4',
    messageId: 'p1mRSHeLDhAms5q0LMr4',
    file: 'https://zapier-dev-files.s3.amazonaws.com/cli-platform/20261122/recording-p1mRSHeLDhAms5q0LMr4.wav',
    filename: 'recording-p1mRSHeLDhAms5q0LMr4.wav',
    contentType: 'audio/x-wav',
  },
  outputFields: fileOutputFields,
});

export const downloadCallTranscription = createAction({
  key: 'download_call_transcription',
  noun: 'Transcription',
  label: 'Download Call Transcription',
  description: 'Downloads the transcription of a recorded call as a text file for later steps.',
  endpoint: conversationsApi.downloadTranscription,
  fields: [messageConversationField, { ...messageIdField, helpText: 'The call message whose transcription to download.' }],
  perform: (input, ctx) =>
    stashDownload(ctx, conversationsApi.downloadTranscription, input.messageId, `transcription-${input.messageId}.txt`),
  sample: {
    id: 'p1mRSHeLDhAms5q0LMr4',
    messageId: 'p1mRSHeLDhAms5q0LMr4',
    file: 'https://zapier-dev-files.s3.amazonaws.com/cli-platform/20261122/transcription-p1mRSHeLDhAms5q0LMr4.txt',
    filename: 'transcription-p1mRSHeLDhAms5q0LMr4.txt',
    contentType: 'text/plain',
  },
  outputFields: fileOutputFields,
});

const statuses = ['delivered', 'failed', 'pending', 'read'] as const;

/** For custom conversation providers reporting delivery (HighLevel's meaning of this endpoint). */
export const updateMessageStatus = createAction({
  key: 'update_message_status',
  noun: 'Message Status',
  label: 'Update Message Status',
  description: 'Reports the delivery status of a message sent through your custom conversation provider.',
  endpoint: conversationsApi.updateMessageStatus,
  fields: [
    messageConversationField,
    messageIdField,
    {
      key: 'status',
      label: 'Status',
      helpText: 'The new delivery status of the message.',
      schema: v.oneOf(statuses),
      required: true,
      choices: Object.fromEntries(statuses.map((s) => [s, s[0].toUpperCase() + s.slice(1)])),
    },
  ],
  request: (input) => ({ path: { messageId: input.messageId }, body: { status: input.status } }),
  result: (data, input) => ({ ...data, id: data.messageId ?? input.messageId }),
  sample: { ...sentMessageSample, status: 'read' },
  outputFields: sentMessageOutputFields,
});

export const showAgentTyping = createAction({
  key: 'show_agent_typing',
  noun: 'Typing Indicator',
  label: 'Show Agent Typing in Live Chat',
  description: 'Shows or hides the "agent is typing" indicator to a live chat visitor.',
  endpoint: conversationsApi.agentTyping,
  fields: [
    conversationIdField,
    {
      key: 'visitor',
      label: 'Live Chat Visitor',
      helpText: "The live chat visitor's ID (visitorId), e.g. from the live chat message that started the conversation.",
      schema: v.id(),
      required: true,
    },
    {
      key: 'isTyping',
      label: 'Typing',
      helpText: 'Yes shows the indicator; No hides it.',
      schema: v.bool(),
      type: 'boolean',
      default: 'true',
    },
  ],
  request: (input) => ({
    body: { conversationId: input.conversationId, visitorId: input.visitor, isTyping: String(input.isTyping ?? true) },
  }),
  result: (data, input) => ({ id: input.conversationId, conversationId: input.conversationId, success: data.success ?? true }),
  sample: { id: 'tDtDnQdgm2LXpyiqYvZ6', conversationId: 'tDtDnQdgm2LXpyiqYvZ6', success: true },
  outputFields: [
    { key: 'id', label: 'Conversation ID' },
    { key: 'success', label: 'Success', type: 'boolean' },
  ],
});
