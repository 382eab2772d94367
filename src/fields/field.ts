import type { PlainInputField } from 'zapier-platform-core';
import type { ZodType } from 'zod';
import { isDateTimeSchema, WALL_CLOCK_HELP } from '../wallClock';
import { Schema, zod } from './values';

type FieldType = 'string' | 'text' | 'integer' | 'number' | 'boolean' | 'datetime' | 'file';

/** An output field as Zapier declares it: the key in the step's output, its label and type. */
export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'datetime';
}

/**
 * One input field, declared once: what the zap editor shows (label, help, type, dropdown) and the zod schema
 * that validates its value before any request is sent.
 */
export interface FieldDef<K extends string = string> {
  /** The input key; literal where the field is declared in place, so the operation's input is typed by it. */
  key: K;
  label: string;
  helpText: string;
  /** Built on first use (see values.ts): the zod schema of the value. */
  schema: Schema;
  required?: boolean;
  type?: FieldType;
  list?: boolean;
  choices?: Record<string, string>;
  /** `triggerKey.idField.labelField` of a hidden dropdown trigger. */
  dynamic?: string;
  /** `searchKey.idField`: offers "add a search step" next to the dropdown. */
  search?: string;
  default?: string;
  placeholder?: string;
  altersDynamicFields?: boolean;
}

/** The same field, required (for operations where it is optional elsewhere). */
export const required = (field: FieldDef): FieldDef => ({ ...field, required: true });
/** The same field, optional. */
export const optional = (field: FieldDef): FieldDef => ({ ...field, required: false });
/** The same field under other words. */
export const relabel = (field: FieldDef, label: string, helpText: string): FieldDef => ({ ...field, label, helpText });

/** The Zapier input field for a definition (everything but the schema). */
export function toZapierField(field: FieldDef): PlainInputField {
  const { schema, ...rest } = field;
  // Zapier's schema forbids help text on a line-item group (`children`): its children carry the help.
  if ((rest as { children?: unknown }).children) delete (rest as { helpText?: string }).helpText;
  // Every date-time input says which zone a value without an offset is read in.
  if (isDateTimeSchema(schema) && !/offset/.test(rest.helpText)) rest.helpText = `${rest.helpText} ${WALL_CLOCK_HELP}`;
  const zapierField: PlainInputField = { ...rest };
  for (const key of Object.keys(zapierField) as Array<keyof PlainInputField>) if (zapierField[key] === undefined) delete zapierField[key];
  return zapierField;
}

/** Zapier sends blanks for empty optional fields: treat them as absent. */
export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.every(isBlank))
  );
}

/** The zod object for a field list: required fields must be present; blanks count as absent. */
export function inputSchema(fields: FieldDef[]) {
  const shape: Record<string, ZodType> = {};
  for (const field of fields) shape[field.key] = field.required ? field.schema() : field.schema().optional();
  return zod().object(shape);
}

export interface InputIssue {
  key: string;
  label: string;
  message: string;
}

/**
 * Validates `inputData` against the fields. Returns the parsed input or the issues, each naming the field by
 * label and key, e.g. `Email (email) must be a valid email address`.
 */
export function parseInput(
  fields: FieldDef[],
  inputData: Record<string, unknown>,
): { ok: true; data: Record<string, any> } | { ok: false; issues: InputIssue[] } {
  const present = Object.fromEntries(
    Object.entries(inputData ?? {})
      .filter(([, v]) => !isBlank(v))
      .map(([k, v]) => [k, Array.isArray(v) ? v.filter((item) => !isBlank(item)) : v]),
  );
  const result = inputSchema(fields).safeParse(present);
  if (result.success) return { ok: true, data: result.data as Record<string, any> };
  const labels = new Map(fields.map((f) => [f.key, f.label]));
  const issues = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const missing = issue.code === 'invalid_type' && present[key] === undefined;
    return {
      key,
      label: labels.get(key) ?? key,
      message: missing ? 'is required' : issue.message,
    };
  });
  return { ok: false, issues };
}

export function describeIssues(issues: InputIssue[]): string {
  return issues.map((i) => `${i.label} (${i.key}) ${i.message}`).join('; ');
}
