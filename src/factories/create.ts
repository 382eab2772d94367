import { RequestParts } from '../client';
import { FieldDef } from '../fields/field';
import { reportUnsaved, UNSAVED_POLICY_KEY, unsavedPolicyField, UnsavedCheck } from '../unsaved';
import { built, Context, InputOf, Item, Operation, OperationDef, requestFromInput, unwrap, validated, withId } from './operation';

export interface CreateDef<F extends readonly FieldDef[] = FieldDef[]> extends OperationDef<F> {
  /** How the input becomes the request (default: path params + the rest as body/query). */
  request?: (input: InputOf<F>, ctx: Context) => RequestParts;
  /** How HighLevel's answer becomes the step's output (default: the record under resultKey). */
  result?: (data: any, input: InputOf<F>, ctx: Context) => Item;
  /** For operations that are more than one request; replaces request/result. */
  perform?: (input: InputOf<F>, ctx: Context) => Promise<Item>;
  /**
   * Writes whose answer is the stored record: the inputs compared with it (key → how), so a value HighLevel did
   * not store as sent is reported (`unsavedFields`, `warning`) or halts the step (src/unsaved.ts).
   */
  unsaved?: UnsavedCheck;
}

/** An action: validate, one request, shape the answer into one object. */
export function createAction<const F extends readonly FieldDef[]>(typed: CreateDef<F>): Operation {
  // The input is typed by F where the operation is declared; here it is any validated input.
  const def = typed as unknown as CreateDef;
  const check = def.unsaved;
  const full: CreateDef = check
    ? {
        ...def,
        fields: [...def.fields, unsavedPolicyField],
        sample: { ...def.sample, unsavedFields: [], warning: '' },
        outputFields: def.outputFields && [...def.outputFields, ...UNSAVED_OUTPUT],
      }
    : def;
  const perform = validated(full, async ({ [UNSAVED_POLICY_KEY]: policy, ...input }, ctx) => {
    const write = async () => {
      if (def.perform) return withId(await def.perform!(input, ctx));
      const parts = def.request ? def.request(input, ctx) : requestFromInput(def.endpoint, input, def.pathFrom);
      const data = await ctx.call(def.endpoint, parts);
      return withId(def.result ? def.result(data ?? {}, input, ctx) : (unwrap(def, data) ?? {}));
    };
    const result = await write();
    return check ? reportUnsaved(ctx.z, def.label, def.fields, check, policy, input, result) : result;
  });
  return built('create', full, perform);
}

const UNSAVED_OUTPUT = [
  { key: 'unsavedFields', label: 'Unsaved Fields (filled in, not stored as sent)' },
  { key: 'warning', label: 'Warning' },
];
