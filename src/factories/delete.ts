import { Endpoint } from '../api/endpoint';
import { RequestParts } from '../client';
import { FieldDef } from '../fields/field';
import { createAction } from './create';
import { Context, FieldKeys, InputOf, Item, Operation, OutputField } from './operation';

// HighLevel's delete answers say whether it worked under one of these keys (spelt differently per API).
const FLAGS = ['succeded', 'success', 'succeeded', 'deleted'] as const;

/** Whether HighLevel says it deleted: its flag when it sends one, else true (the request got a 2xx). */
export function deletedFrom(data: unknown): boolean {
  if (!data || typeof data !== 'object') return true;
  for (const key of FLAGS) {
    const flag = (data as Record<string, unknown>)[key];
    if (flag !== undefined && flag !== null) return flag !== false && flag !== 'false';
  }
  return true;
}

/** HighLevel's answer without its success flag (reported once, as `deleted`). */
function withoutFlags(data: unknown): Item {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const rest: Item = { ...(data as Item) };
  for (const key of FLAGS) delete rest[key];
  return rest;
}

export interface DeleteDef<F extends readonly FieldDef[] = FieldDef[]> {
  key: string;
  noun: string;
  description: string;
  endpoint: Endpoint;
  fields: F;
  /** Default: path params from the input, the rest as query. */
  request?: (input: InputOf<F>, ctx: Context) => RequestParts;
  /** Path parameters filled from input keys of other names (see OperationDef.pathFrom). */
  pathFrom?: Record<string, FieldKeys<F>>;
  /** The input key of the deleted record's id. */
  idKey: FieldKeys<F>;
  /** Further input keys the output repeats (e.g. the contact of a deleted task), labelled `<field label> ID`. */
  echo?: Array<FieldKeys<F>>;
  /** HighLevel's answer for the sample (per the spec's response schema). */
  answer: Item;
  /** The sample's ids (`id` and the echoed keys). */
  sampleIds?: Item;
  /** Output fields of what else HighLevel's answer carries (e.g. `message`). */
  outputFields?: OutputField[];
}

/**
 * A delete action: the ids in, `{ id, deleted, …HighLevel's answer }` out. HighLevel answers only a flag
 * (`succeded`, `success`, `succeeded` or `deleted`) and perhaps a message, so the deleted id is echoed for later
 * steps and the flag becomes `deleted` (true on a 2xx without one). A flag saying it did not delete fails the step.
 */
export function deleteAction<const F extends readonly FieldDef[]>(typed: DeleteDef<F>): Operation {
  // The input is typed by F where the operation is declared; here it is any validated input.
  const def = typed as unknown as DeleteDef;
  const echo = def.echo ?? [];
  const labelOf = (key: string) => def.fields.find((f) => f.key === key)?.label ?? key;
  return createAction({
    key: def.key,
    noun: def.noun,
    label: `Delete ${def.noun}`,
    description: def.description,
    endpoint: def.endpoint,
    fields: def.fields,
    ...(def.request ? { request: def.request } : {}),
    ...(def.pathFrom ? { pathFrom: def.pathFrom } : {}),
    result: (data, input, ctx) => {
      // HighLevel answering 2xx with its flag false did not delete: the step fails rather than let the zap go on.
      if (!deletedFrom(data)) {
        const said = typeof data?.message === 'string' && data.message ? `: ${data.message}` : '';
        throw new ctx.z.errors.Error(
          `HighLevel did not delete the ${def.noun.toLowerCase()} ${input[def.idKey]}${said}.`,
          'HighLevelNotDeleted',
          200,
        );
      }
      return {
        ...withoutFlags(data),
        ...Object.fromEntries(echo.map((key) => [key, input[key]])),
        id: input[def.idKey],
        deleted: true,
      };
    },
    sample: { ...withoutFlags(def.answer), id: 'ocWd2wuBGAQzh2cH1fSZ', ...def.sampleIds, deleted: true },
    sampleAnswer: def.answer,
    outputFields: [
      { key: 'id', label: `Deleted ${def.noun} ID` },
      ...echo.map((key) => ({ key, label: `${labelOf(key)} ID` })),
      { key: 'deleted', label: 'Deleted', type: 'boolean' as const },
      ...(def.outputFields ?? []),
    ],
  });
}
