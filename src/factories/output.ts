import { OutputField } from '../fields/field';

// What a step outputs, shaped once for every operation (see built() and validated() in operation.ts): HighLevel's
// internal keys leave the output, and every key of the sample gets a label in the zap editor.

/**
 * Keys HighLevel adds for its own use, which mean nothing to a zap: the search cursor (`searchAfter`, POST
 * /contacts/search), lower-cased copies kept for its own matching (`firstNameLowerCase`, `emailLowerCase`, …) and
 * `fullNameLowerCase`. Dropped at every depth of the output.
 */
export function isInternalKey(key: string): boolean {
  return key === 'searchAfter' || /LowerCase$/.test(key) || key === '__v';
}

/**
 * The output without internal keys, at every depth. A raw `customFields` array (`[{ id, value }]`) is dropped only
 * where the record also carries its readable `custom_<key>` keys (customFields.ts), so no value is lost, or when empty.
 */
export function withoutInternalKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutInternalKeys) as T;
  if (!value || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const readableCustom = Object.keys(record).some((k) => k.startsWith('custom_'));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) {
    if (isInternalKey(key)) continue;
    if (key === 'customFields' && Array.isArray(v) && (readableCustom || v.length === 0)) continue;
    out[key] = withoutInternalKeys(v);
  }
  return out as T;
}

/**
 * The keys of a record as the zap editor offers them for mapping: nested objects flattened with `__`
 * (`contact__name`), arrays of objects as line items with `[]` (`slots[]startTime`), arrays of plain values and
 * plain values under their own key. Empty objects and arrays give their own key.
 */
export function editorKeys(value: unknown, prefix = ''): string[] {
  if (!value || typeof value !== 'object') return prefix ? [prefix] : [];
  if (Array.isArray(value)) {
    const objects = value.filter((v) => v && typeof v === 'object' && !Array.isArray(v)) as Array<Record<string, unknown>>;
    if (!objects.length) return prefix ? [prefix] : [];
    const keys = new Set<string>();
    for (const item of objects) for (const k of editorKeys(item, '')) keys.add(`${prefix}[]${k}`);
    return [...keys];
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.length) return prefix ? [prefix] : [];
  return entries.flatMap(([k, v]) => editorKeys(v, prefix ? `${prefix}__${k}` : k));
}

// Words written in capitals in labels.
const ACRONYMS: Record<string, string> = {
  id: 'ID',
  ids: 'IDs',
  url: 'URL',
  urls: 'URLs',
  sms: 'SMS',
  utc: 'UTC',
  dnd: 'DND',
  ip: 'IP',
  api: 'API',
  html: 'HTML',
  seo: 'SEO',
  iso: 'ISO',
  mms: 'MMS',
};

/** `assignedUserId` → `Assigned User ID`, `date_added` → `Date Added`: one key segment as words. */
export function humanize(segment: string): string {
  const words = segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean);
  return words.map((w) => ACRONYMS[w.toLowerCase()] ?? w[0].toUpperCase() + w.slice(1)).join(' ');
}

/**
 * A label for an editor key: the label declared for its parent key when there is one (`contact` → `Contact`),
 * then the rest in words; `_id` reads as `ID`. E.g. `contact__name` → `Contact Name`, `slots[]startTime` →
 * `Slots Start Time`.
 */
export function labelFor(key: string, declared: Map<string, string>): string {
  const tokens = key.split(/(__|\[\])/); // segments at even indexes, separators between them
  const words = (from: number) => tokens.filter((_t, i) => i >= from && i % 2 === 0).map((p) => (p === '_id' ? 'ID' : humanize(p)));
  for (let i = tokens.length - 3; i >= 0; i -= 2) {
    const parent = declared.get(tokens.slice(0, i + 1).join(''));
    if (parent) return [parent, ...words(i + 2)].join(' ');
  }
  return words(0).join(' ');
}

/**
 * The declared output fields, plus a derived label for every key of the sample (see editorKeys) that has none: so
 * no field the editor offers from a sample is unlabelled. Declared fields keep their place and wording; keys of
 * internal data (isInternalKey) are never labelled, since they never reach the output. With the operation's noun,
 * the record's own `id` reads `<Noun> ID` (and HighLevel's `_id` copy of it `<Noun> ID (_id)`).
 */
export function withSampleLabels(declared: OutputField[] | undefined, sample: unknown, noun?: string): OutputField[] {
  const fields = [...(declared ?? [])];
  const labels = new Map(fields.map((f) => [f.key, f.label]));
  const own: Record<string, string> = noun ? { id: `${noun} ID`, _id: `${noun} ID (_id)` } : {};
  for (const key of editorKeys(withoutInternalKeys(sample))) {
    if (labels.has(key)) continue;
    const label = own[key] ?? labelFor(key, labels);
    fields.push({ key, label });
    labels.set(key, label);
  }
  return fields;
}
