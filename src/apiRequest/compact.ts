import type { GenField } from './types';

// The field details are stored compactly (build.zip budget): what follows from a field's key is left out on disk
// and restored when an area file is read. expand(compact(f)) === f for every field (the generator checks).

const ACRONYMS: Record<string, string> = {
  id: 'ID',
  ids: 'IDs',
  url: 'URL',
  urls: 'URLs',
  api: 'API',
  sku: 'SKU',
  ip: 'IP',
  utm: 'UTM',
  html: 'HTML',
  sms: 'SMS',
  dnd: 'DND',
};

/** `invoiceId` → `Invoice ID`, `start_date` → `Start Date`. */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  return words.map((w) => ACRONYMS[w.toLowerCase()] ?? w[0].toUpperCase() + w.slice(1)).join(' ') || name;
}

/** The label of a field with this property path (`['discount', 'type']` → `Discount: Type`). */
export const labelFor = (path: string[]): string => (path.length ? path.map(humanize).join(': ') : 'Body (JSON)');

type Stored = Omit<GenField, 'in' | 'p' | 'l' | 't' | 'ch'> & Partial<Pick<GenField, 'p' | 't'>> & { ch?: Stored[] };

function derived(k: string, child: boolean): { in: GenField['in']; p: string[] } {
  if (child) return { in: 'body', p: [k] };
  if (k === 'body') return { in: 'body', p: [] };
  const cut = k.indexOf('_');
  return { in: k.slice(0, cut) as GenField['in'], p: [k.slice(cut + 1)] };
}

/** The field as stored: without `in`, `l`, a `p` its key implies, or `t` "string". */
export function compact(field: GenField, child = false): Stored {
  const { in: _in, l: _l, p, t, ch, ...rest } = field;
  const out: Stored = { ...rest };
  if (JSON.stringify(p) !== JSON.stringify(derived(field.k, child).p)) out.p = p;
  if (t !== 'string') out.t = t;
  if (ch) out.ch = ch.map((c) => compact(c, true));
  return out;
}

/** The field as the code uses it. */
export function expand(stored: Stored, child = false): GenField {
  const { p, t, ch, ...rest } = stored;
  const implied = derived(stored.k, child);
  const path = p ?? implied.p;
  const field: GenField = { ...rest, in: implied.in, p: path, l: labelFor(path), t: t ?? 'string' } as GenField;
  if (ch) field.ch = ch.map((c) => expand(c, true));
  return field;
}
