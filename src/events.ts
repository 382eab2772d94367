/**
 * HighLevel's webhook events that a location's zaps can subscribe to through the relay (relay/), with the OAuth
 * scope that unlocks each one and the labels of the fields its payload carries.
 *
 * Sources: the event list and payload examples in `GoHighLevel/highlevel-api-docs:docs/webhook events/*.md`
 * (58 files), and the live marketplace list (2026-09-22 extraction, `api-evangelist/highlevel:asyncapi/
 * highlevel-webhooks.yml`); see ../shared/research/instant-triggers.md. HighLevel's docs say only "add the scope
 * needed for the webhook event" (docs/oauth/Faqs.md) without a table: each event's scope here is the read scope of
 * the API that reads the same records (every one is a scope HighLevel's OpenAPI specs declare; a test checks).
 *
 * Not offered: events routed by company (LocationCreate/Update, UserCreate/Update/Delete, SaaSPlanCreate), the
 * app's own lifecycle (AppInstall/Uninstall/Update, PlanChange, AppPaymentStatus, ExternalAuthConnected,
 * SupportTicket*: the relay handles or ignores them), and events whose scope no spec names (KnowledgeBase*,
 * LCEmailStats, ProviderOutboundMessage — the last goes to a conversation provider's own URL).
 */

export type EventFamily =
  | 'contact'
  | 'note'
  | 'task'
  | 'appointment'
  | 'opportunity'
  | 'message'
  | 'conversation'
  | 'campaign'
  | 'invoice'
  | 'order'
  | 'product'
  | 'price'
  | 'record'
  | 'relation'
  | 'association'
  | 'objectSchema'
  | 'voiceAi';

export interface EventType {
  /** The payload's `type` (ConversationUnreadWebhook's payload says ConversationUnreadUpdate). */
  type: string;
  label: string;
  scope: string;
  family: EventFamily;
  /** Where the record's id sits in the payload. */
  idPath: string;
}

const FAMILY_SCOPE: Record<EventFamily, string> = {
  contact: 'contacts.readonly',
  note: 'contacts.readonly',
  task: 'contacts.readonly',
  appointment: 'calendars/events.readonly',
  opportunity: 'opportunities.readonly',
  message: 'conversations/message.readonly',
  conversation: 'conversations.readonly',
  campaign: 'campaigns.readonly',
  invoice: 'invoices.readonly',
  order: 'payments/orders.readonly',
  product: 'products.readonly',
  price: 'products/prices.readonly',
  record: 'objects/record.readonly',
  relation: 'associations/relation.readonly',
  association: 'associations.readonly',
  objectSchema: 'objects/schema.readonly',
  voiceAi: 'voice-ai-dashboard.readonly',
};

const ID_PATH: Partial<Record<EventFamily, string>> = {
  appointment: 'appointment.id',
  message: 'messageId',
  invoice: '_id',
  order: '_id',
  product: '_id',
  price: '_id',
};

const e = (type: string, label: string, family: EventFamily): EventType => ({
  type,
  label,
  family,
  scope: FAMILY_SCOPE[family],
  idPath: ID_PATH[family] ?? 'id',
});

export const EVENT_TYPES: EventType[] = [
  e('ContactCreate', 'Contact created', 'contact'),
  e('ContactUpdate', 'Contact updated', 'contact'),
  e('ContactDelete', 'Contact deleted', 'contact'),
  e('ContactTagUpdate', 'Contact tags changed', 'contact'),
  e('ContactDndUpdate', 'Contact Do Not Disturb changed', 'contact'),
  e('NoteCreate', 'Note created', 'note'),
  e('NoteUpdate', 'Note updated', 'note'),
  e('NoteDelete', 'Note deleted', 'note'),
  e('TaskCreate', 'Task created', 'task'),
  e('TaskComplete', 'Task completed', 'task'),
  e('TaskDelete', 'Task deleted', 'task'),
  e('AppointmentCreate', 'Appointment created', 'appointment'),
  e('AppointmentUpdate', 'Appointment updated', 'appointment'),
  e('AppointmentDelete', 'Appointment deleted', 'appointment'),
  e('OpportunityCreate', 'Opportunity created', 'opportunity'),
  e('OpportunityUpdate', 'Opportunity updated (any change)', 'opportunity'),
  e('OpportunityDelete', 'Opportunity deleted', 'opportunity'),
  e('OpportunityStageUpdate', 'Opportunity stage changed', 'opportunity'),
  e('OpportunityStatusUpdate', 'Opportunity status changed', 'opportunity'),
  e('OpportunityMonetaryValueUpdate', 'Opportunity value changed', 'opportunity'),
  e('OpportunityAssignedToUpdate', 'Opportunity reassigned', 'opportunity'),
  e('InboundMessage', 'Inbound message', 'message'),
  e('OutboundMessage', 'Outbound message', 'message'),
  e('ConversationUnreadUpdate', 'Conversation unread status changed', 'conversation'),
  e('ConversationUpdate', 'Live chat conversation merged', 'conversation'),
  e('CampaignStatusUpdate', 'Campaign status changed for a contact', 'campaign'),
  e('InvoiceCreate', 'Invoice created', 'invoice'),
  e('InvoiceUpdate', 'Invoice updated', 'invoice'),
  e('InvoiceDelete', 'Invoice deleted', 'invoice'),
  e('InvoiceSent', 'Invoice sent', 'invoice'),
  e('InvoicePaid', 'Invoice paid', 'invoice'),
  e('InvoicePartiallyPaid', 'Invoice partially paid', 'invoice'),
  e('InvoiceVoid', 'Invoice voided', 'invoice'),
  e('OrderCreate', 'Order created', 'order'),
  e('OrderStatusUpdate', 'Order status changed', 'order'),
  e('ProductCreate', 'Product created', 'product'),
  e('ProductUpdate', 'Product updated', 'product'),
  e('ProductDelete', 'Product deleted', 'product'),
  e('PriceCreate', 'Price created', 'price'),
  e('PriceUpdate', 'Price updated', 'price'),
  e('PriceDelete', 'Price deleted', 'price'),
  e('RecordCreate', 'Custom object record created', 'record'),
  e('RecordUpdate', 'Custom object record updated', 'record'),
  e('RecordDelete', 'Custom object record deleted', 'record'),
  e('RelationCreate', 'Records related', 'relation'),
  e('RelationDelete', 'Record relation removed', 'relation'),
  e('AssociationCreate', 'Association created', 'association'),
  e('AssociationUpdate', 'Association updated', 'association'),
  e('AssociationDelete', 'Association deleted', 'association'),
  e('ObjectSchemaCreate', 'Custom object created', 'objectSchema'),
  e('ObjectSchemaUpdate', 'Custom object changed', 'objectSchema'),
  e('VoiceAiCallEnd', 'Voice AI call ended', 'voiceAi'),
];

export const eventType = (type: string): EventType | undefined => EVENT_TYPES.find((t) => t.type === type);

/** Scopes the events need (for the app's OAuth scope list). */
export const eventScopes = (types: string[]): string[] => [
  ...new Set(types.map((t) => eventType(t)?.scope).filter((s): s is string => !!s)),
];

// ---------------------------------------------------------------------------------------------------------
// Labels of the fields each family's payload carries (the docs' examples), for the generic trigger's output.

const CONTACT = {
  id: 'Contact ID',
  firstName: 'First Name',
  lastName: 'Last Name',
  name: 'Full Name',
  email: 'Email',
  phone: 'Phone',
  companyName: 'Company Name',
  address1: 'Street Address',
  city: 'City',
  state: 'State / Region',
  postalCode: 'Postal Code',
  country: 'Country',
  website: 'Website',
  source: 'Source',
  dateOfBirth: 'Date of Birth',
  dnd: 'Do Not Disturb',
  tags: 'Tags',
  assignedTo: 'Assigned User ID',
  dateAdded: 'Date Added',
  customFields: 'Custom Fields',
  dndSettings__SMS__status: 'DND SMS Status',
  dndSettings__Email__status: 'DND Email Status',
  dndSettings__Call__status: 'DND Call Status',
  dndSettings__WhatsApp__status: 'DND WhatsApp Status',
};
const OPPORTUNITY = {
  id: 'Opportunity ID',
  name: 'Opportunity Name',
  status: 'Status',
  pipelineId: 'Pipeline ID',
  pipelineStageId: 'Stage ID',
  monetaryValue: 'Lead Value',
  assignedTo: 'Assigned User ID',
  contactId: 'Contact ID',
  source: 'Source',
  dateAdded: 'Date Added',
};
const APPOINTMENT = Object.fromEntries(
  Object.entries({
    id: 'Appointment ID',
    title: 'Title',
    calendarId: 'Calendar ID',
    contactId: 'Contact ID',
    groupId: 'Calendar Group ID',
    appointmentStatus: 'Status',
    assignedUserId: 'Assigned User ID',
    address: 'Meeting Location',
    notes: 'Notes',
    source: 'Source',
    startTime: 'Start Time',
    endTime: 'End Time',
    dateAdded: 'Date Added',
    dateUpdated: 'Date Updated',
    users: 'User IDs',
  }).map(([k, v]) => [`appointment__${k}`, v]),
);
const MESSAGE = {
  messageId: 'Message ID',
  messageType: 'Message Type',
  body: 'Message Body',
  direction: 'Direction',
  status: 'Status',
  contactId: 'Contact ID',
  conversationId: 'Conversation ID',
  dateAdded: 'Date Added',
  contentType: 'Content Type',
  attachments: 'Attachment URLs',
  source: 'Source',
  userId: 'User ID',
  subject: 'Email Subject',
  from: 'Email From',
  to: 'Email To',
  threadId: 'Email Thread ID',
  emailMessageId: 'Email Message ID',
  callDuration: 'Call Duration (s)',
  callStatus: 'Call Status',
  conversationProviderId: 'Conversation Provider ID',
};
const INVOICE = {
  _id: 'Invoice ID',
  name: 'Invoice Name',
  invoiceNumber: 'Invoice Number',
  status: 'Status',
  currency: 'Currency',
  total: 'Total',
  amountPaid: 'Amount Paid',
  amountDue: 'Amount Due',
  issueDate: 'Issue Date',
  dueDate: 'Due Date',
  altId: 'Location ID',
  contactDetails__id: 'Contact ID',
  contactDetails__name: 'Contact Name',
  contactDetails__email: 'Contact Email',
  contactDetails__phoneNo: 'Contact Phone',
};
const FAMILY_LABELS: Record<EventFamily, Record<string, string>> = {
  contact: CONTACT,
  note: { id: 'Note ID', body: 'Note', contactId: 'Contact ID', dateAdded: 'Date Added' },
  task: {
    id: 'Task ID',
    title: 'Title',
    body: 'Description',
    contactId: 'Contact ID',
    assignedTo: 'Assigned User ID',
    dueDate: 'Due Date',
    dateAdded: 'Date Added',
  },
  appointment: APPOINTMENT,
  opportunity: OPPORTUNITY,
  message: MESSAGE,
  conversation: {
    id: 'Conversation ID',
    contactId: 'Contact ID',
    unreadCount: 'Unread Count',
    inbox: 'In Inbox',
    starred: 'Starred',
    deleted: 'Deleted',
  },
  campaign: { id: 'Campaign ID', contactId: 'Contact ID', status: 'Status', templateId: 'Template ID', replied: 'Replied', date: 'Date' },
  invoice: INVOICE,
  order: { _id: 'Order ID', status: 'Status', contactId: 'Contact ID', amount: 'Amount', currency: 'Currency', createdAt: 'Created At' },
  product: { _id: 'Product ID', name: 'Product Name', description: 'Description', productType: 'Product Type', createdAt: 'Created At' },
  price: { _id: 'Price ID', name: 'Price Name', product: 'Product ID', amount: 'Amount', currency: 'Currency', type: 'Price Type' },
  record: { id: 'Record ID', objectKey: 'Object Key', timestamp: 'Time' },
  relation: { id: 'Relation ID', associationId: 'Association ID', firstRecordId: 'First Record ID', secondRecordId: 'Second Record ID' },
  association: { id: 'Association ID', key: 'Association Key', firstObjectKey: 'First Object', secondObjectKey: 'Second Object' },
  objectSchema: { id: 'Object ID', key: 'Object Key', labels__singular: 'Singular Name', labels__plural: 'Plural Name' },
  voiceAi: { id: 'Call ID', contactId: 'Contact ID', agentId: 'Agent ID', summary: 'Summary', transcript: 'Transcript' },
};

/** Labelled output fields of one event type's payload (flattened with `__`), envelope first. */
export function eventOutputFields(type: string | undefined): Array<{ key: string; label: string }> {
  const envelope = [
    { key: 'id', label: 'Event Record ID' },
    { key: 'type', label: 'Event Type' },
    { key: 'locationId', label: 'Location ID' },
    { key: 'webhookId', label: 'Webhook ID' },
    { key: 'timestamp', label: 'Event Time' },
  ];
  const family = type ? eventType(type)?.family : undefined;
  const labels = family ? FAMILY_LABELS[family] : {};
  return [
    ...envelope,
    ...Object.entries(labels)
      .filter(([k]) => k !== 'id')
      .map(([key, label]) => ({ key: key === '_id' ? '_id' : key, label })),
  ];
}

/**
 * Nested objects flattened into `parent__child` keys (Zapier's convention for nested output); arrays and values kept
 * as they are.
 */
export function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const key = prefix ? `${prefix}__${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v as Record<string, unknown>, key));
    else out[key] = v;
  }
  return out;
}

/** The value at a dotted path. */
export function at(record: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), record);
}
