import { Endpoint } from '../api/endpoint';
import { RequestParts } from '../client';
import { OutputField, Input, Item, Operation } from './operation';
import { searchAction } from './search';
import * as v from '../fields/values';

/**
 * Records with a name equal to `wanted` (case-insensitive, trimmed); if none has one, those with a name that
 * contains it. `namesOf` gives a record's name, or several (e.g. name and slug: any of them may match).
 */
export function matchByName(items: Item[], wanted: string, namesOf: (item: Item) => unknown = (item) => item.name): Item[] {
  const norm = (s: unknown) => String(s ?? '').trim().toLowerCase();
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
  request?: (input: Input) => RequestParts;
  /** Where the list sits in the answer, e.g. `workflows`. */
  listKey: string;
  sample: Item;
  outputFields: OutputField[];
}

/**
 * "Find X" for kinds HighLevel can only list: one request for the list, then a case-insensitive name match
 * (exact matches first, else the names containing the text).
 */
export function nameSearch(def: NameSearchDef): Operation {
  return searchAction({
    key: def.key,
    noun: def.noun,
    label: `Find ${def.noun}`,
    description: def.description,
    endpoint: def.endpoint,
    fields: [
      {
        key: 'name',
        label: `${def.noun} Name`,
        helpText: `The ${def.noun.toLowerCase()}'s name. Case does not matter; an exact name wins over names that merely contain the text.`,
        schema: v.text(200),
        required: true,
      },
    ],
    request: (input) => (def.request ? def.request(input) : {}),
    results: (data, input) => matchByName(((data?.[def.listKey] ?? []) as Item[]).filter((x) => x && x.id), input.name),
    sample: def.sample,
    outputFields: def.outputFields,
  });
}
