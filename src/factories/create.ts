import { RequestParts } from '../client';
import { FieldDef } from '../fields/field';
import { built, Context, InputOf, Item, Operation, OperationDef, requestFromInput, unwrap, validated, withId } from './operation';

export interface CreateDef<F extends readonly FieldDef[] = FieldDef[]> extends OperationDef<F> {
  /** How the input becomes the request (default: path params + the rest as body/query). */
  request?: (input: InputOf<F>, ctx: Context) => RequestParts;
  /** How HighLevel's answer becomes the step's output (default: the record under resultKey). */
  result?: (data: any, input: InputOf<F>, ctx: Context) => Item;
  /** For operations that are more than one request; replaces request/result. */
  perform?: (input: InputOf<F>, ctx: Context) => Promise<Item>;
}

/** An action: validate, one request, shape the answer into one object. */
export function createAction<const F extends readonly FieldDef[]>(typed: CreateDef<F>): Operation {
  // The input is typed by F where the operation is declared; here it is any validated input.
  const def = typed as unknown as CreateDef;
  const perform = validated(def, async (input, ctx) => {
    if (def.perform) return withId(await def.perform(input, ctx));
    const parts = def.request ? def.request(input, ctx) : requestFromInput(def.endpoint, input, def.pathFrom);
    const data = await ctx.call(def.endpoint, parts);
    return withId(def.result ? def.result(data ?? {}, input, ctx) : unwrap(def, data) ?? {});
  });
  return built('create', def, perform);
}
