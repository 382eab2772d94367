import { Endpoint } from '../api/endpoint';
import { RequestParts } from '../client';
import { FieldDef } from '../fields/field';
import { Input, Item, Operation } from './operation';
import { PollContext, pollingTrigger } from './trigger';

export interface DropdownDef {
  key: string;
  noun: string;
  endpoint: Endpoint;
  fields?: FieldDef[];
  request: (input: Input, ctx: PollContext) => RequestParts;
  resultKey: string;
  /** The records in HighLevel's answer, e.g. normalized to carry `id` (default: the list under resultKey). */
  items?: (data: any) => Item[];
  /** What the editor shows for a record. */
  label: (item: Item) => string;
  sample: Item;
  /** HighLevel's whole answer the sample comes from, when the list has required siblings (see OperationDef). */
  sampleAnswer?: unknown;
  /** False when the endpoint returns every record at once: "load more" then has nothing to add. */
  paged?: boolean;
}

/**
 * A hidden trigger that feeds a dynamic dropdown (`key.id.name`): records as `{ id, name }`, page by page
 * ("load more" in the editor).
 */
export function dropdownTrigger(def: DropdownDef): Operation {
  const toChoices = (data: any): Item[] =>
    (((def.items ? def.items(data) : data?.[def.resultKey]) ?? []) as Item[]).map((item) => ({ ...item, id: item.id, name: def.label(item) }));
  return pollingTrigger({
    key: def.key,
    noun: def.noun,
    label: `List ${def.noun}s`,
    description: `Lists ${def.noun.toLowerCase()}s for dropdowns.`,
    hidden: true,
    endpoint: def.endpoint,
    fields: def.fields ?? [],
    sample: def.sample,
    ...(def.sampleAnswer !== undefined ? { sampleAnswer: def.sampleAnswer } : {}),
    request: def.request,
    resultKey: def.resultKey,
    ...(def.paged === false
      ? {
          perform: async (input: Input, ctx: PollContext) => {
            if (ctx.page > 0) return [];
            const data = await ctx.call(def.endpoint, def.request(input, ctx));
            return toChoices(data);
          },
        }
      : {}),
    items: toChoices,
    zapier: { canPaginate: true },
  });
}
