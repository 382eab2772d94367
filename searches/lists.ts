import { blogsApi } from '../src/api/blogs';
import { calendarsApi } from '../src/api/calendars';
import { contactsApi } from '../src/api/contacts';
import { customFieldOperationsApi } from '../src/api/customFieldsApi';
import { opportunitiesApi } from '../src/api/opportunities';
import { phoneSystemApi } from '../src/api/phoneSystem';
import { nameSearch } from '../src/factories/nameSearch';
import { Item, records } from '../src/factories/operation';
import {
  appointmentIdField,
  appointmentNoteOutputFields,
  appointmentNoteSample,
  appointmentSample,
  blockedSlotOutputFields,
  eventWindow,
} from '../src/fields/appointment';
import { blogIdField, blogPostOutputFields, blogPostSample } from '../src/fields/blog';
import { calendarIdField } from '../src/fields/calendar';
import { folderOutputFields, folderSample, objectKeyField } from '../src/fields/customField';
import { optional } from '../src/fields/field';
import { pipelineIdField, pipelineSample } from '../src/fields/opportunity';
import { phoneNumberAnswer, phoneNumberChoices, phoneNumberOutputFields, phoneNumberSample } from '../src/fields/phoneNumber';

// "Find X" for the dropdowns that had no search, so every id field offers "add a search step" (Zapier's D014):
// each reads the list its dropdown reads, then matches a name or text (exact first, else containing it).

/** Find Tag: the value is the tag's name, as the tag dropdown gives it (contacts carry tag names). */
export const findTag = nameSearch({
  key: 'find_tag',
  noun: 'Tag',
  description: "Finds a tag of your location by its name (the tag's name is what contacts carry).",
  endpoint: contactsApi.listLocationTags,
  listKey: 'tags',
  items: (data) =>
    records(data?.tags)
      .filter((t) => typeof t.name === 'string' && t.name.trim())
      .map((t) => ({ id: t.name, name: t.name, tagId: t.id })),
  sample: { id: 'vip', name: 'vip', tagId: 'flGwEuzsfJOia1i1ikRN' },
  sampleAnswer: { tags: [{ id: 'flGwEuzsfJOia1i1ikRN', name: 'vip', locationId: 've9EPM428h8vShlRW1KT' }] },
  outputFields: [
    { key: 'id', label: 'Tag' },
    { key: 'name', label: 'Tag Name' },
    { key: 'tagId', label: 'Tag ID' },
  ],
});

/** Find Pipeline Stage: a stage by name, in one pipeline or in all (HighLevel returns pipelines with their stages). */
export const findPipelineStage = nameSearch({
  key: 'find_pipeline_stage',
  noun: 'Pipeline Stage',
  description: 'Finds a stage of a pipeline by its name.',
  endpoint: opportunitiesApi.listPipelines,
  fields: [
    optional({ ...pipelineIdField, altersDynamicFields: undefined, helpText: 'Look in this pipeline only (default: every pipeline).' }),
  ],
  listKey: 'pipelines',
  items: (data, input) =>
    records(data?.pipelines)
      .filter((p) => !input.pipelineId || p.id === input.pipelineId)
      .flatMap((p) => records(p.stages).map((s) => ({ ...s, pipelineId: p.id, pipelineName: p.name }))),
  nameField: { label: 'Stage Name', helpText: 'The stage\'s name, e.g. "Quote Sent". Case does not matter.' },
  sample: { ...pipelineSample.stages[1], pipelineId: pipelineSample.id, pipelineName: pipelineSample.name },
  sampleAnswer: { pipelines: [pipelineSample] },
  outputFields: [
    { key: 'id', label: 'Stage ID' },
    { key: 'name', label: 'Stage Name' },
    { key: 'position', label: 'Position', type: 'integer' },
    { key: 'pipelineId', label: 'Pipeline ID' },
    { key: 'pipelineName', label: 'Pipeline Name' },
  ],
});

/** A blocked slot as GET /calendars/blocked-slots returns it (CalendarEventDTO). */
const blockedSlotSample: Item = {
  ...appointmentSample,
  id: 'Bk7pQ2wuBGAQzh2cH1aa',
  title: 'Team offsite',
  contactId: '',
  appointmentStatus: 'confirmed',
};

/** Find Blocked Slot: by title, among the calendar's blocked slots in the window the dropdown lists. */
export const findBlockedSlot = nameSearch({
  key: 'find_blocked_slot',
  noun: 'Blocked Slot',
  description: "Finds a calendar's blocked slot by its title (slots from 30 days ago to 90 days ahead).",
  endpoint: calendarsApi.listBlockedSlots,
  fields: [{ ...calendarIdField, helpText: 'The calendar whose blocked slots to search.' }],
  request: (input) => ({ query: { calendarId: input.calendarId, ...eventWindow() } }),
  listKey: 'events',
  namesOf: (slot) => slot.title,
  nameField: { label: 'Title', helpText: 'The blocked slot\'s title, e.g. "Team offsite". Case does not matter.' },
  sample: blockedSlotSample,
  sampleAnswer: { events: [blockedSlotSample] },
  outputFields: blockedSlotOutputFields,
});

/** Find Appointment Note: by its text, among the appointment's most recent notes. */
export const findAppointmentNote = nameSearch({
  key: 'find_appointment_note',
  noun: 'Appointment Note',
  description: "Finds a note of an appointment by its text (among the appointment's 20 most recent notes).",
  endpoint: calendarsApi.listAppointmentNotes,
  fields: [appointmentIdField],
  // 20 is the most the notes endpoint returns at once.
  request: (input) => ({ path: { appointmentId: input.appointmentId }, query: { limit: 20, offset: 0 } }),
  listKey: 'notes',
  items: (data, input) => records(data?.notes).map((n) => ({ ...n, appointmentId: input.appointmentId })),
  namesOf: (note) => note.body,
  nameField: { label: 'Text', helpText: 'Text the note contains, e.g. "last year". Case does not matter.' },
  sample: appointmentNoteSample,
  sampleAnswer: { notes: [appointmentNoteSample], hasMore: false },
  outputFields: appointmentNoteOutputFields,
});

/** Find Blog Post: HighLevel's own title search, then the closest title first. */
export const findBlogPost = nameSearch({
  key: 'find_blog_post',
  noun: 'Blog Post',
  description: 'Finds a post of a blog by its title.',
  endpoint: blogsApi.listPosts,
  fields: [blogIdField],
  request: (input) => ({ query: { blogId: input.blogId, searchTerm: input.name, offset: 0, limit: 50 } }),
  listKey: 'blogs',
  namesOf: (post) => [post.title, post.urlSlug],
  nameField: { label: 'Title', helpText: 'The post\'s title or URL slug, e.g. "When to Replace Your Water Heater".' },
  sample: blogPostSample,
  sampleAnswer: { blogs: [blogPostSample] },
  outputFields: blogPostOutputFields,
});

/** Find Custom Field Folder: by name, among a custom object's folders. */
export const findCustomFieldFolder = nameSearch({
  key: 'find_custom_field_folder',
  noun: 'Custom Field Folder',
  description: "Finds a folder of a custom object's fields by its name.",
  endpoint: customFieldOperationsApi.listObjectFields,
  fields: [objectKeyField],
  request: (input) => ({ path: { objectKey: input.objectKey } }),
  listKey: 'folders',
  sample: folderSample,
  sampleAnswer: { fields: [], folders: [folderSample] },
  outputFields: folderOutputFields,
});

/** Find Phone Number: one of the location's SMS-capable numbers, by its name or the number itself. */
export const findPhoneNumber = nameSearch({
  key: 'find_phone_number',
  noun: 'Phone Number',
  description: "Finds one of your location's phone numbers by its name or digits.",
  endpoint: phoneSystemApi.listNumbers,
  request: () => ({ query: { pageSize: 1000, page: 0 } }),
  listKey: 'numbers',
  items: (data) => phoneNumberChoices(records(data?.numbers)),
  namesOf: (n) => [n.friendlyName, n.phoneNumber],
  nameField: { label: 'Name or Number', helpText: 'The number\'s name in HighLevel or its digits, e.g. "Sales Line 1" or +14155552671.' },
  sample: phoneNumberSample,
  sampleAnswer: phoneNumberAnswer,
  outputFields: phoneNumberOutputFields,
});
