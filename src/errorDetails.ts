/**
 * The useful, non-personal parts of a HighLevel error answer beyond its `message`: ids of records it names (the
 * existing contact of a duplicate, `meta.contactId`), the field that matched (`meta.matchingField`) and the
 * properties it rejected (class-validator style `errors: [{ property }]`, `invalidProperties`, `fields`).
 * Values (emails, phones, names) are never taken: only keys that name ids or fields, and values shaped like ids
 * or field names. Sources: HighLevel's duplicate-contact answer
 * `{"statusCode":400,"message":"This location does not allow duplicated contacts.","meta":{"contactName":…,"contactId":…,"matchingField":"email"}}`
 * (reported in HighLevel's API docs issues and reproduced by the sandbox), NestJS validation answers.
 */
export interface ErrorDetails {
  /** `[key, id]` pairs, e.g. `["contactId", "ocQHyuzHvysMo5N5VsXc"]`. */
  ids: Array<[string, string]>;
  /** The field that matched an existing record (duplicates). */
  matchingField?: string;
  /** Properties HighLevel rejected. */
  invalid: string[];
}

const ID = /^[A-Za-z0-9_-]{4,64}$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_.[\]-]{0,80}$/;
const ID_KEY = /^(id|_id|[a-z][A-Za-z]*Id)$/;
const MATCH_KEYS = ['matchingField', 'matchedField', 'duplicateField'];
const INVALID_KEYS = ['invalidProperties', 'invalidFields', 'fields', 'properties'];

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Reads the details out of a parsed error body; empty when there are none. */
export function errorDetails(body: unknown): ErrorDetails {
  const details: ErrorDetails = { ids: [], invalid: [] };
  if (!isRecord(body)) return details;
  const addId = (key: string, value: unknown) => {
    if (typeof value === 'string' && ID.test(value) && !/^\d+$/.test(value) && !details.ids.some(([, v]) => v === value)) {
      details.ids.push([key, value]);
    }
  };
  const addInvalid = (value: unknown) => {
    if (typeof value === 'string' && FIELD.test(value) && !details.invalid.includes(value)) details.invalid.push(value);
  };
  // The body itself and its `meta`/`details`/`data` objects, one level deep: HighLevel's answers put them there.
  const places = [body, ...['meta', 'details', 'data', 'error'].map((k) => body[k]).filter(isRecord)];
  for (const place of places) {
    for (const [key, value] of Object.entries(place)) {
      if (key === 'traceId' || key === 'statusCode') continue;
      if (ID_KEY.test(key)) addId(key, value);
      if (MATCH_KEYS.includes(key) && typeof value === 'string' && FIELD.test(value)) details.matchingField ??= value;
      if (INVALID_KEYS.includes(key) && Array.isArray(value)) value.forEach(addInvalid);
      if (key === 'errors' && Array.isArray(value)) {
        for (const e of value) if (isRecord(e)) addInvalid(e.property ?? e.field ?? e.path ?? e.param);
      }
    }
  }
  return details;
}

/** The details as sentences for the user's message (no leading space), or '' when there are none. */
export function describeDetails(details: ErrorDetails): string {
  const parts: string[] = [];
  if (details.ids.length) parts.push(`HighLevel named ${details.ids.map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  if (details.matchingField) {
    const id = details.ids.find(([k]) => /contact|record|^id$|^_id$/i.test(k))?.[1];
    parts.push(
      `An existing record${id ? ` (${id})` : ''} has the same ${details.matchingField}: update that record (e.g. with its ID), ` +
        `or change the ${details.matchingField} you send; HighLevel's duplicate settings decide which fields must be unique.`,
    );
  }
  if (details.invalid.length) parts.push(`Check these fields: ${details.invalid.join(', ')}.`);
  return parts.join(' ');
}
