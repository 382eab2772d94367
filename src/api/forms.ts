import type { Bundle, ZObject } from 'zapier-platform-core';
import { cachedPerConnection } from '../cache';
import { callHighLevel, collectPages } from '../client';
import { customFieldDefinitions, CustomFieldDefinition, customFieldsApi, customOutputKey } from '../customFields';
import type { Context, Item, OutputEnricher } from '../factories/operation';
import { pollDated } from '../polling';
import { endpoint } from './endpoint';

// Forms and surveys (forms.json, surveys.json). HighLevel sends no webhook for a submission
// (GoHighLevel/highlevel-api-docs#269), so the triggers poll the submissions endpoints with their date filters.
export const formsApi = {
  listForms: endpoint('forms.json', 'GET /forms/', { operationId: 'get-forms', scope: 'forms.readonly', locationIn: 'query' }),
  listFormSubmissions: endpoint('forms.json', 'GET /forms/submissions', {
    operationId: 'get-forms-submissions',
    scope: 'forms.readonly',
    locationIn: 'query',
  }),
  listSurveys: endpoint('surveys.json', 'GET /surveys/', { operationId: 'get-surveys', scope: 'surveys.readonly', locationIn: 'query' }),
  listSurveySubmissions: endpoint('surveys.json', 'GET /surveys/submissions', {
    operationId: 'get-surveys-submissions',
    scope: 'surveys.readonly',
    locationIn: 'query',
  }),
};

export type SubmissionKind = 'form' | 'survey';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The submissions endpoints answer at most 100 per page (their `limit` parameter's description). */
export const SUBMISSIONS_PAGE = 100;

const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The date window one poll reads (`startAt`/`endAt`, YYYY-MM-DD, both inclusive per the spec's descriptions).
 * HighLevel's dates are calendar days in an unstated zone, so the window reaches a day beyond each side of "the
 * last day" in UTC: a submission made since the previous poll (Zapier polls every 1 to 15 minutes) is always in it,
 * whatever the location's time zone.
 */
export function pollWindow(nowMs: number): { startAt: string; endAt: string } {
  return { startAt: ymd(nowMs - 2 * DAY_MS), endAt: ymd(nowMs + DAY_MS) };
}

export interface SubmissionQuery {
  /** One form or survey (`formId` / `surveyId`), or all of the location's. */
  parentId?: string;
  /** Contact id, name, email or phone (HighLevel's `q`). */
  q?: string;
  startAt?: string;
  endAt?: string;
}

/**
 * Every submission matching the query, page by page (`page` from 1, `limit` 100) while HighLevel's `meta.nextPage`
 * says there is more, at most MAX_PAGES pages (client.ts). With the poll window, a location that gets fewer than
 * 100 submissions in those days is read in one request; a burst is read to its end, so none is missed.
 * Returns HighLevel's submission records (FormsSubmissionsSubmissionsSchema / SubmissionSchema).
 */
export function allSubmissions(ctx: Context, kind: SubmissionKind, query: SubmissionQuery, pageSize = SUBMISSIONS_PAGE): Promise<Item[]> {
  const api = kind === 'form' ? formsApi.listFormSubmissions : formsApi.listSurveySubmissions;
  return collectPages(1, async (page) => {
    const data = await ctx.call(api, {
      query: {
        page: String(page),
        limit: String(pageSize),
        [kind === 'form' ? 'formId' : 'surveyId']: query.parentId,
        q: query.q,
        startAt: query.startAt,
        endAt: query.endAt,
      },
    });
    const items = ((data?.submissions ?? []) as Item[]).filter((s) => s && typeof s === 'object');
    const next = data?.meta?.nextPage;
    const more = typeof next === 'number' && next > page ? next : items.length >= pageSize ? page + 1 : undefined;
    return { items, next: more };
  });
}

/**
 * One poll of New Form / Survey Submission: the submissions of the poll window that arrived since the previous poll,
 * through pollDated (src/polling.ts). HighLevel does not document the list's order, so the first page tells it:
 * newest first reads down to the previous poll's newest submission (one request when fewer than a page arrived);
 * oldest first continues at the page where the previous poll stopped.
 */
export function pollSubmissions(ctx: Context, kind: SubmissionKind, parentId: string | undefined, triggerKey: string): Promise<Item[]> {
  const api = kind === 'form' ? formsApi.listFormSubmissions : formsApi.listSurveySubmissions;
  return pollDated(ctx.z, ctx.bundle, triggerKey, {
    pageSize: SUBMISSIONS_PAGE,
    key: (s) => (typeof s.createdAt === 'string' ? s.createdAt : undefined),
    id: (s) => String(s.id),
    anchor: (nowMs) => pollWindow(nowMs).startAt,
    pageAligned: true,
    fetchPage: async (skip, _cursor, startAt) => {
      const page = Math.floor(skip / SUBMISSIONS_PAGE) + 1;
      const query = {
        page: String(page),
        limit: String(SUBMISSIONS_PAGE),
        [kind === 'form' ? 'formId' : 'surveyId']: parentId,
        startAt,
        endAt: pollWindow(Date.now()).endAt,
      };
      const data = await ctx.call(api, { query });
      const items = ((data?.submissions ?? []) as Item[]).filter((s) => s && typeof s === 'object' && s.id != null);
      const next = data?.meta?.nextPage;
      const total = typeof data?.meta?.total === 'number' ? data.meta.total : undefined;
      // `nextPage: null` ends the list, as does `meta.total`; without either, a full page may have more after it.
      const more =
        typeof next === 'number'
          ? next > page
          : next === null
            ? false
            : total !== undefined
              ? page * SUBMISSIONS_PAGE < total
              : items.length >= SUBMISSIONS_PAGE;
      return { items, total, more };
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Answers, labelled

/**
 * The standard (contact) fields a HighLevel form or survey can hold, by the key a submission's `others` uses
 * (the keys of the spec's `fieldsOriSequance` example and of HighLevel's form builder's standard fields).
 * Custom fields are keyed by the custom field's id and labelled from the location's custom fields.
 */
export const STANDARD_ANSWERS: Record<string, string> = {
  full_name: 'Full Name',
  first_name: 'First Name',
  last_name: 'Last Name',
  email: 'Email',
  phone: 'Phone',
  company_name: 'Company Name',
  address1: 'Street Address',
  city: 'City',
  state: 'State',
  postal_code: 'Postal Code',
  country: 'Country',
  website: 'Website',
  date_of_birth: 'Date of Birth',
  organization: 'Organization',
  source: 'Source',
  terms_and_conditions: 'Terms and Conditions',
};

/** Keys of `others` that describe the submission rather than answer a question: kept out of `answers`. */
const META_KEYS = new Set([
  'eventData',
  'fieldsOriSequance',
  'formId',
  'surveyId',
  'location_id',
  'locationId',
  'sessionId',
  'ip',
  'timezone',
  'Timezone',
  'signatureHash',
  'disqualified',
  'submissionId',
  'contactId',
]);

const textOf = (v: unknown) =>
  typeof v === 'string'
    ? v
    : v === undefined || v === null
      ? ''
      : Array.isArray(v)
        ? v.join(', ')
        : typeof v === 'object'
          ? JSON.stringify(v)
          : String(v);

/** Names the step needs to label a submission: custom fields (contact model) and the forms' or surveys' names. */
export interface SubmissionNames {
  customFields: CustomFieldDefinition[];
  parents: Record<string, string>;
}

/**
 * A submission as a step outputs it: HighLevel's record without the opaque `others`, plus
 * - `answers`: each answer under a readable key (`first_name`, `email`, `custom_<fieldKey>` for custom fields, as
 *   contacts name them; an unknown key stays as HighLevel sent it, so nothing is dropped), in the form's order;
 * - `answersText`: "Label: value" lines of the same answers, for an email or a note;
 * - `formName` / `surveyName`, and the page it was sent from (`pageUrl`, `pageTitle`, `source`, `referrer`).
 */
export function labelledSubmission(kind: SubmissionKind, raw: Item, names: SubmissionNames): Item {
  const { others, ...record } = raw ?? {};
  const o: Item = others && typeof others === 'object' && !Array.isArray(others) ? others : {};
  const byId = new Map(names.customFields.map((d) => [d.id, d]));
  const order: string[] = Array.isArray(o.fieldsOriSequance) ? o.fieldsOriSequance.filter((k: unknown) => typeof k === 'string') : [];
  const keys = [...new Set([...order.filter((k) => k in o), ...Object.keys(o)])].filter((k) => !META_KEYS.has(k) && !k.startsWith('__'));
  const answers: Item = {};
  const lines: string[] = [];
  for (const key of keys) {
    const def = byId.get(key);
    const outKey = def ? customOutputKey(def, key) : key;
    const label = def ? def.name?.trim() || def.fieldKey || key : (STANDARD_ANSWERS[key] ?? key);
    answers[outKey] = o[key];
    if (textOf(o[key]) !== '') lines.push(`${label}: ${textOf(o[key])}`);
  }
  const event: Item = o.eventData && typeof o.eventData === 'object' ? o.eventData : {};
  const parentId = kind === 'form' ? record.formId : record.surveyId;
  const parentName = typeof parentId === 'string' ? names.parents[parentId] : undefined;
  return {
    ...record,
    ...(parentName !== undefined ? { [kind === 'form' ? 'formName' : 'surveyName']: parentName } : {}),
    answers,
    answersText: lines.join('\n'),
    ...(event.page?.url !== undefined ? { pageUrl: event.page.url } : {}),
    ...(event.page?.title !== undefined ? { pageTitle: event.page.title } : {}),
    ...(event.source !== undefined ? { source: event.source } : {}),
    ...(event.referrer !== undefined ? { referrer: event.referrer } : {}),
  };
}

const isNames = (v: unknown): v is Record<string, string> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The location's forms (or surveys) by id → name: every page of `GET /forms/` (`skip`, `limit` 50, its maximum). */
export async function parentNames(z: ZObject, bundle: Bundle, kind: SubmissionKind, wanted: string[]): Promise<Record<string, string>> {
  const api = kind === 'form' ? formsApi.listForms : formsApi.listSurveys;
  const listKey = kind === 'form' ? 'forms' : 'surveys';
  return cachedPerConnection(
    z,
    bundle,
    `${listKey}:names`,
    async () => {
      const list = await collectPages(0, async (skip: number) => {
        const data = await callHighLevel<Item>(z, bundle, api, { query: { skip: String(skip), limit: '50' } });
        const items = ((data?.[listKey] ?? []) as Item[]).filter((f) => f && typeof f.id === 'string');
        return { items, next: items.length < 50 ? undefined : skip + 50 };
      });
      return Object.fromEntries(list.map((f) => [f.id, typeof f.name === 'string' ? f.name : '']));
    },
    // An hour: a form created since is read again at once (usable), so only a renamed form waits.
    { valid: isNames, usable: (cached) => wanted.every((id) => id in cached), ttlSeconds: 3600 },
  );
}

/** Whether any answer is keyed by something other than a standard field (a custom field's id). */
const hasCustomAnswer = (items: Item[]) =>
  items.some(
    (s) =>
      s.others &&
      typeof s.others === 'object' &&
      Object.keys(s.others).some((k) => !(k in STANDARD_ANSWERS) && !META_KEYS.has(k) && !k.startsWith('__')),
  );

/**
 * The step's submissions, labelled (see labelledSubmission). Nothing is read when there is no submission; the
 * custom field definitions only when an answer is keyed by a custom field id; names come from z.cache when
 * known. If a name list cannot be read, the answers keep HighLevel's keys and the step does not fail.
 */
export async function withLabelledAnswers(kind: SubmissionKind, z: ZObject, bundle: Bundle, result: any): Promise<any> {
  const items: Item[] = (Array.isArray(result) ? result : [result]).filter((i) => i && typeof i === 'object');
  const names: SubmissionNames = { customFields: [], parents: {} };
  if (items.length) {
    const parentKey = kind === 'form' ? 'formId' : 'surveyId';
    const wanted = [...new Set(items.map((i) => i[parentKey]).filter((id): id is string => typeof id === 'string' && id !== ''))];
    try {
      if (hasCustomAnswer(items)) names.customFields = await customFieldDefinitions(z, bundle, 'contact');
    } catch (error) {
      z.console.log(`Custom field names unavailable, keeping ids: ${(error as Error).message}`);
    }
    try {
      if (wanted.length) names.parents = await parentNames(z, bundle, kind, wanted);
    } catch (error) {
      z.console.log(`${kind === 'form' ? 'Form' : 'Survey'} names unavailable, keeping ids: ${(error as Error).message}`);
    }
  }
  const shaped = items.map((i) => labelledSubmission(kind, i, names));
  return Array.isArray(result) ? shaped : shaped[0];
}

/** The factory option (`enrich`) of the submission operations. */
export const labelledAnswers = (kind: SubmissionKind): OutputEnricher => ({
  endpoints: [customFieldsApi.list, kind === 'form' ? formsApi.listForms : formsApi.listSurveys],
  apply: (z, bundle, result) => withLabelledAnswers(kind, z, bundle, result),
});

/** Adds an output-fields function (fields known only at run time) after an operation's declared output fields. */
export function withOutputFieldsFunction<T extends { definition: Record<string, any> }>(
  op: T,
  fn: (z: ZObject, bundle: Bundle) => Promise<unknown[]>,
): T {
  const operation = op.definition.operation;
  operation.outputFields = [...(operation.outputFields ?? []), fn];
  return op;
}

/**
 * Output fields for the answers (a Zapier output-fields function): the standard fields, and the location's
 * contact custom fields labelled with their names (`answers__custom_<fieldKey>`).
 */
export function answerOutputFields() {
  return async (z: ZObject, bundle: Bundle) => {
    const standard = Object.entries(STANDARD_ANSWERS).map(([key, label]) => ({ key: `answers__${key}`, label: `Answer: ${label}` }));
    try {
      const defs = await customFieldDefinitions(z, bundle, 'contact');
      return [
        ...standard,
        ...defs.map((d) => ({ key: `answers__${customOutputKey(d, d.id)}`, label: `Answer: ${d.name?.trim() || d.fieldKey || d.id}` })),
      ];
    } catch (error) {
      z.console.log(`Custom fields unavailable: ${(error as Error).message}`);
      return standard;
    }
  };
}
