import { Endpoint } from '../api/endpoint';
import { RequestParts } from '../client';
import { FieldDef } from '../fields/field';
import { Input, Item, Operation, pathFromInput, records } from './operation';
import { PollContext, pollingTrigger } from './trigger';

export interface DropdownDef {
  key: string;
  noun: string;
  endpoint: Endpoint;
  fields?: FieldDef[];
  /** Default: the endpoint's path parameters from the input keys of their names, nothing else. */
  request?: (input: Input, ctx: PollContext) => RequestParts;
  /** Where the list sits in HighLevel's answer; without it the answer is the list (a bare JSON array). */
  resultKey?: string;
  /** The records in HighLevel's answer (default: the list under resultKey, or the answer itself). */
  items?: (data: any) => Item[];
  /** What the editor shows for a record (the record's id when this is empty); ctx gives e.g. the zap's time zone. */
  label: (item: Item, ctx: PollContext) => string;
  /** The noun's plural for the label, when `pluralize` gets it wrong. */
  plural?: string;
  sample: Item;
  /** HighLevel's whole answer the sample comes from, when the list has required siblings (see OperationDef). */
  sampleAnswer?: unknown;
  /** False when the endpoint returns every record at once: "load more" then has nothing to add. */
  paged?: boolean;
}

/**
 * A person as a dropdown shows them: the name, then the email (else the phone) that tells two people of the same
 * name apart, e.g. `Rosa Delgado (rosa@example.com)`; without a name, the email or phone alone; else `fallback`.
 */
export function personLabel(name: unknown, email: unknown, phone: unknown, fallback: unknown = ''): string {
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const reach = text(email) || text(phone);
  if (!text(name)) return reach || String(fallback ?? '');
  return reach ? `${text(name)} (${reach})` : text(name);
}

/** English plural of a noun (or its last word): Opportunity → Opportunities, Business → Businesses, Note → Notes. */
export function pluralize(noun: string): string {
  if (/[^aeiou]y$/i.test(noun)) return noun.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/i.test(noun)) return noun + 'es';
  return noun + 's';
}

/**
 * A hidden trigger that feeds a dynamic dropdown (`key.id.name`): records as `{ id, name }`, page by page
 * ("load more" in the editor).
 */
export function dropdownTrigger(def: DropdownDef): Operation {
  const list = (data: any) => (def.items ? def.items(data) : def.resultKey ? data?.[def.resultKey] : data);
  const toChoices = (data: any, ctx: PollContext): Item[] =>
    records(list(data)).map((item) => ({ ...item, name: def.label(item, ctx) || String(item.id ?? '') }));
  const plural = def.plural ?? pluralize(def.noun);
  const request = def.request ?? ((input: Input): RequestParts => ({ path: pathFromInput(def.endpoint, input).path }));
  return pollingTrigger({
    key: def.key,
    noun: def.noun,
    label: `List ${plural}`,
    description: `Lists ${plural.toLowerCase()} for dropdowns.`,
    hidden: true,
    endpoint: def.endpoint,
    fields: def.fields ?? [],
    sample: def.sample,
    ...(def.sampleAnswer !== undefined ? { sampleAnswer: def.sampleAnswer } : {}),
    request,
    ...(def.resultKey ? { resultKey: def.resultKey } : {}),
    ...(def.paged === false
      ? {
          perform: async (input: Input, ctx: PollContext) => {
            if (ctx.page > 0) return [];
            const data = await ctx.call(def.endpoint, request(input, ctx));
            return toChoices(data, ctx);
          },
        }
      : {}),
    items: toChoices,
    zapier: { canPaginate: true },
  });
}
