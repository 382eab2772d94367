import { contactsApi } from '../src/api/contacts';
import { customFieldDefinitions, customFieldLabels } from '../src/customFields';
import { Context, Input, Item } from '../src/factories/operation';
import { contactFields } from '../src/fields/contact';

/**
 * The conflict policy of Update Contact and Create or Update Contact: with a "Source Record Updated At", a contact
 * HighLevel changed after the source record is not overwritten. The step is halted, and the contact is tagged
 * for review with a note naming the fields that differ. Messages and notes name fields, never their values.
 */
export const REVIEW_TAG = 'zapier-review';

const labels = new Map(contactFields.map((f) => [f.key, f.label]));

const norm = (key: string, value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return JSON.stringify(value.map((x) => norm(key, x)).sort());
  const text = String(value).trim();
  if (key === 'phone') return text.replace(/[^\d+]/g, '');
  if (key === 'dateOfBirth') return text.slice(0, 10);
  return text.toLowerCase();
};

/** The labels of the input fields whose values differ from HighLevel's copy (custom fields by their name). */
export function differingFields(input: Input, current: Item, customLabels: Map<string, string> = new Map()): string[] {
  const names: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (key === 'contactId' || key === 'customFields' || !labels.has(key)) continue;
    if (norm(key, value) !== norm(key, current[key])) names.push(labels.get(key)!);
  }
  const theirs = new Map<string, unknown>(
    ((current.customFields ?? []) as Item[]).filter((c) => c && c.id).map((c) => [c.id, c.value ?? c.field_value]),
  );
  for (const { id, field_value } of (input.customFields ?? []) as Array<{ id: string; field_value: unknown }>) {
    if (norm('custom', field_value) !== norm('custom', theirs.get(id))) names.push(customLabels.get(id) ?? `Custom field ${id}`);
  }
  return names;
}

/**
 * Applies the policy before a write. Returns HighLevel's copy when it is newer but already holds every value the
 * step would write (nothing to do), undefined when the write may go ahead, and throws HaltedError otherwise.
 */
export async function checkConflict(
  ctx: Context,
  label: string,
  current: Item | null | undefined,
  input: Input,
  sourceUpdatedAt?: string,
): Promise<Item | undefined> {
  if (!sourceUpdatedAt || !current?.id) return undefined;
  const theirs = Date.parse(current.dateUpdated ?? '');
  // Without HighLevel's change date nothing shows a newer copy: the write goes ahead.
  if (Number.isNaN(theirs) || theirs <= Date.parse(sourceUpdatedAt)) return undefined;

  const customLabels = input.customFields?.length
    ? customFieldLabels(await customFieldDefinitions(ctx.z, ctx.bundle, 'contact'))
    : new Map<string, string>();
  const differing = differingFields(input, current, customLabels);
  if (!differing.length) return current;

  const when = `HighLevel's copy was changed at ${current.dateUpdated}, after the source record (${sourceUpdatedAt})`;
  await ctx.call(contactsApi.addTags, { path: { contactId: current.id }, body: { tags: [REVIEW_TAG] } });
  await ctx.call(contactsApi.createNote, {
    path: { contactId: current.id },
    body: {
      body: `Zapier did not apply an update to this contact: ${when}. Fields that differ: ${differing.join(', ')}. Review them, then remove the "${REVIEW_TAG}" tag.`,
    },
  });
  throw new ctx.z.errors.HaltedError(
    `${label}: contact ${current.id} not overwritten. ${when}. Fields that differ: ${differing.join(', ')}. ` +
      `The contact is tagged "${REVIEW_TAG}" with a note for review.`,
  );
}
