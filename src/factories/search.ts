import { RequestParts } from '../client';
import { built, Context, Input, Item, Operation, OperationDef, records, requestFromInput, unwrap, validated } from './operation';

export interface SearchDef extends OperationDef {
  request?: (input: Input, ctx: Context) => RequestParts;
  /** The matching records in HighLevel's answer (default: the record or list under resultKey). */
  results?: (data: any, input: Input) => Item[];
  /** For searches that pick among several endpoints; returns the matches. */
  perform?: (input: Input, ctx: Context) => Promise<Item[]>;
}

/** A search: validate, request; a 404 is "no result" (an empty list), never an error. */
export function searchAction(def: SearchDef): Operation {
  const perform = validated(def, async (input, ctx) => {
    if (def.perform) return records(await def.perform(input, ctx));
    const parts = def.request ? def.request(input, ctx) : requestFromInput(def.endpoint, input, def.pathFrom);
    const data = await ctx.call(def.endpoint, parts, { notFoundAsNull: true });
    if (data === null) return [];
    const found = def.results ? def.results(data, input) : unwrap(def, data);
    return records(Array.isArray(found) ? found : [found]);
  });
  return built('search', def, perform);
}
