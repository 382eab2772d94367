import { Endpoint } from '../api/endpoint';
import { RequestParts } from '../client';
import { OutputField, Input, Item, Operation } from './operation';
import { searchAction } from './search';
import { FieldDef } from '../fields/field';
import * as v from '../fields/values';

/**
 * Records with a name equal to `wanted` (case-insensitive, trimmed); if none has one, those with a name that
 * contains it. `namesOf` gives a record's name, or several (e.g. name and slug: any of them may match).
 */
export function matchByName(items: Item[], wanted: string, namesOf: (item: Item) => unknown = (item) => item.name): Item[] {
  const norm = (s: unknown) =>
    String(s ?? '')
      .trim()
      .toLowerCase();
  const target = norm(wanted);
  const names = (item: Item) => {
    const n = namesOf(item);
    return (Array.isArray(n) ? n : [n]).map(norm);
  };
  const exact = items.filter((item) => names(item).some((name) => name === target));
  return exact.length ? exact : items.filter((item) => names(item).some((name) => name.includes(target)));
}

export interface NameSearchDef {
  key: string;
  noun: string;
  description: string;
  /** An endpoint that lists every record of the kind (HighLevel has no search by name for these). */
  endpoint: Endpoint;
  /** Fields before the name: the parent the list belongs to (a calendar, an appointment, a blog…). */
  fields?: FieldDef[];
  request?: (input: Input) => RequestParts;
  /** Where the list sits in the answer, e.g. `workflows`. */
  listKey: string;
  /** The records of the answer, when they are not the list under listKey as it is (e.g. stages inside pipelines). */
  items?: (data: any, input: Input) => Item[];
  /** The texts of a record the name is matched against (default: its `name`). */
  namesOf?: (item: Item) => unknown;
  /** The name field's label and help, when the record is found by something other than a name (a title, a text). */
  nameField?: { label: string; helpText: string };
  sample: Item;
  /** HighLevel's whole answer the sample comes from (see OperationDef.sampleAnswer). */
  sampleAnswer?: unknown;
  outputFields: OutputField[];
}

/**
 * "Find X" for kinds HighLevel can only list: one request for the list, then a case-insensitive name match
 * (exact matches first, else the names containing the text).
 */
export function nameSearch(def: NameSearchDef): Operation {
  const nameField: FieldDef = {
    key: 'name',
    label: def.nameField?.label ?? `${def.noun} Name`,
    helpText:
      def.nameField?.helpText ??
      `The ${def.noun.toLowerCase()}'s name. Case does not matter; an exact name wins over names that merely contain the text.`,
    schema: v.text(200),
    required: true,
  };
  const itemsOf = (data: any, input: Input): Item[] =>
    (def.items ? def.items(data, input) : ((data?.[def.listKey] ?? []) as Item[])).filter((x) => x && x.id);
  return searchAction({
    key: def.key,
    noun: def.noun,
    label: `Find ${def.noun}`,
    description: def.description,
    endpoint: def.endpoint,
    fields: [...(def.fields ?? []), nameField],
    request: (input) => (def.request ? def.request(input) : {}),
    results: (data, input) => matchByName(itemsOf(data, input), input.name, def.namesOf),
    sample: def.sample,
    ...(def.sampleAnswer !== undefined ? { sampleAnswer: def.sampleAnswer } : {}),
    outputFields: def.outputFields,
  });
}
