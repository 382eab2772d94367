import { RequestParts } from '../client';
import { FieldDef } from '../fields/field';
import { built, Context, InputOf, Item, Operation, OperationDef, records, requestFromInput, unwrap, validated } from './operation';

export interface SearchDef<F extends readonly FieldDef[] = FieldDef[]> extends OperationDef<F> {
  request?: (input: InputOf<F>, ctx: Context) => RequestParts;
  /** The matching records in HighLevel's answer (default: the record or list under resultKey). */
  results?: (data: any, input: InputOf<F>) => Item[];
  /** For searches that pick among several endpoints; returns the matches. */
  perform?: (input: InputOf<F>, ctx: Context) => Promise<Item[]>;
}

/** A search: validate, request; a 404 is "no result" (an empty list), never an error. */
export function searchAction<const F extends readonly FieldDef[]>(typed: SearchDef<F>): Operation {
  // The input is typed by F where the operation is declared; here it is any validated input.
  const def = typed as unknown as SearchDef;
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
