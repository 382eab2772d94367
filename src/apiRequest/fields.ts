import type { Bundle } from 'zapier-platform-core';
import type { PlainInputField } from 'zapier-platform-core';
import { isAgencyConnection } from '../connection';
import { toZapierField } from '../fields/field';
import { locationField } from '../fields/location';
import { IndexOperation, loadDetail, loadIndex } from './artifacts';
import { countryFieldOf, dateTimeHelp, isDateTimeField, isPhoneField, phoneHelp } from './interpret';
import { grantedScopes } from './scopes';
import type { GenField } from './types';

// The API Request step's fields as the zap editor asks for them: Area, then Operation (that area's operations),
// then the chosen operation's inputs. All come from one dynamic-fields function, so the index is read when the
// editor asks, never when the app is loaded.

export const AREA = 'area';
export const OPERATION = 'operation';

type ZapierField = Record<string, unknown> | PlainInputField;

/** "List invoices — GET /invoices/ · agency only · needs scope invoices.readonly (not granted)" */
export function operationLabel(op: IndexOperation, granted: Set<string> | undefined): string {
  const marks: string[] = [];
  if (op.agencyOnly) marks.push('agency only');
  if (op.deprecated) marks.push('deprecated');
  if (granted && op.scopes.length && !op.scopes.some((s) => granted.has(s))) marks.push(`needs scope ${op.scopes.join(' or ')}`);
  return `${op.summary} — ${op.method} ${op.path}${marks.length ? ` · ${marks.join(' · ')}` : ''}`;
}

export function areaField(): ZapierField {
  return {
    key: AREA,
    label: 'Area',
    helpText: "The part of HighLevel's API, as HighLevel's API reference groups it (one entry per API specification).",
    required: true,
    choices: Object.fromEntries(loadIndex().areas.map((a) => [a.key, a.title])),
    altersDynamicFields: true,
  };
}

export function operationField(area: string, granted: Set<string> | undefined): ZapierField {
  const ops = loadIndex().operations.filter((op) => op.area === area);
  return {
    key: OPERATION,
    label: 'Operation',
    helpText:
      'The HighLevel API operation to call, from the chosen Area. "agency only" needs an agency connection; "needs scope" means your connection was not granted that scope (reconnect after enabling it).',
    required: true,
    choices: Object.fromEntries(ops.map((op) => [op.key, operationLabel(op, granted)])),
    dependsOn: [AREA],
    altersDynamicFields: true,
  };
}

const ZAPIER_TYPES: Record<GenField['t'], string> = {
  string: 'string',
  integer: 'integer',
  number: 'number',
  boolean: 'boolean',
  datetime: 'datetime',
  json: 'json',
  file: 'file',
};

/**
 * The editor field for one generated input (required only when the connection cannot fill it). `siblings`: the
 * operation's other inputs (a phone's help names the country field its national numbers are read in).
 */
export function zapierField(field: GenField, fillable = true, siblings: GenField[] = []): ZapierField {
  const out: ZapierField = {
    key: field.k,
    label: field.l,
    helpText: field.h,
    required: Boolean(field.r && !(field.f && fillable) && field.d === undefined),
  };
  if (field.ch) {
    out.children = field.ch.map((child) => zapierField({ ...child }));
    return out;
  }
  // A date-time without an offset is read in the sub-account's zone (interpret.ts): text, and its help says so.
  // Zapier's datetime type would read it in the zap's zone before the step sees it (see test/editor.test.ts).
  if (isDateTimeField(field)) out.helpText = dateTimeHelp(field.h);
  // A phone is read as people write it (interpret.ts): its help says so, without a spec example the app refuses.
  if (isPhoneField(field)) out.helpText = phoneHelp(field.h, countryFieldOf(siblings, field));
  out.type = isDateTimeField(field) ? 'string' : ZAPIER_TYPES[field.t];
  if (field.t === 'json' && field.s && (field.s.type === 'object' || field.s.type === 'array')) out.schema = field.s;
  if (field.c) out.choices = Object.fromEntries(field.c.map((c) => [String(c), String(c)]));
  if (field.d !== undefined) out.default = field.d;
  if (field.li) out.list = true;
  return out;
}

/**
 * Every field of the step for the editor's current input: Area; Operation once an area is chosen; on an agency
 * connection the Location for operations that act in a sub-account; then the operation's own inputs.
 */
export function apiRequestFields(bundle: Bundle): ZapierField[] {
  const input = (bundle.inputData ?? {}) as Record<string, unknown>;
  const fields: ZapierField[] = [areaField()];
  const area = String(input[AREA] ?? '');
  if (!loadIndex().areas.some((a) => a.key === area)) return fields;
  fields.push(operationField(area, grantedScopes(bundle)));
  const op = loadIndex().byKey.get(String(input[OPERATION] ?? ''));
  if (!op) return fields;
  if (isAgencyConnection(bundle) && !op.agencyOnly) fields.push(toZapierField(locationField));
  const detail = loadDetail(op);
  // On an agency connection the Location field above is the location: no second location input.
  const agency = isAgencyConnection(bundle) && !op.agencyOnly;
  // An agency connection has no location of its own to fill an agency-level operation's location inputs with.
  const noLocation = isAgencyConnection(bundle) && op.agencyOnly;
  for (const field of detail.fields) {
    if (!(agency && field.f === 'location'))
      fields.push(zapierField(field, !(noLocation && (field.f === 'location' || field.f === 'alt')), detail.fields));
  }
  return fields;
}
