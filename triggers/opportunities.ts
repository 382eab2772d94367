import { opportunitiesApi } from '../src/api/opportunities';
import { dropdownTrigger } from '../src/factories/dropdown';
import { Input, Item, OutputField } from '../src/factories/operation';
import { PollContext, pollingTrigger } from '../src/factories/trigger';
import { FieldDef, relabel } from '../src/fields/field';
import { eq, Filter, opportunitySearchBody, SortField } from '../src/domains/opportunities';
import { pipelineNames } from '../src/pipelines';
import {
  opportunityOutputFields,
  opportunityOutputSample,
  opportunitySample,
  opportunityStatusField,
  pipelineIdField,
  pipelineSample,
  pipelineStageIdField,
} from '../src/fields/opportunity';

const pipelineFilter: FieldDef = relabel(
  pipelineIdField,
  'Pipeline',
  'Only opportunities in this pipeline (optional; leave empty for all pipelines).',
);

const searchItems = (data: any): Item[] => ((data?.opportunities ?? []) as Item[]).filter((o) => o && typeof o === 'object');

export const newOpportunityTrigger = pollingTrigger({
  key: 'new_opportunity',
  noun: 'Opportunity',
  label: 'New Opportunity',
  description: 'Triggers when a new opportunity is added to your HighLevel location.',
  endpoint: opportunitiesApi.searchOpportunities,
  fields: [pipelineFilter],
  request: (input, { limit, page }) => ({
    body: opportunitySearchBody('date_added', [eq('pipeline_id', input.pipelineId)], limit, page + 1),
  }),
  items: searchItems,
  serverSorted: { key: (o) => o.createdAt },
  customFields: 'opportunity',
  enrich: pipelineNames,
  resultKey: 'opportunities',
  sample: opportunityOutputSample,
  outputFields: opportunityOutputFields,
});

/**
 * Change triggers fire once per change: the item id is `${id}_${value}_${changedAt}` (so A→B→A fires again on the
 * second A), the record id is kept as opportunityId.
 */
const changeOutputFields = (what: string): OutputField[] => [
  { key: 'opportunityId', label: 'Opportunity ID' },
  { key: 'id', label: `Change ID (opportunity ID, ${what} and change time)` },
  ...opportunityOutputFields.filter((f) => f.key !== 'id'),
];

/** A change trigger: newest changes first by `sortField`, one item per change (see changeOutputFields). */
function opportunityChangeTrigger(def: {
  key: string;
  label: string;
  description: string;
  /** What changed, as the change id names it. */
  what: string;
  sortField: SortField;
  fields: FieldDef[];
  filters: (input: Input) => Array<Filter | undefined>;
  /** The changed value and the change time, from the record. */
  change: (o: Item) => unknown[];
  /** The change time HighLevel sorts by (newest first), from the record. */
  changedAt: (o: Item) => string | undefined;
  sample: Item;
}) {
  return pollingTrigger({
    key: def.key,
    noun: 'Opportunity',
    label: def.label,
    description: def.description,
    endpoint: opportunitiesApi.searchOpportunities,
    fields: def.fields,
    request: (input, { limit, page }) => ({ body: opportunitySearchBody(def.sortField, def.filters(input), limit, page + 1) }),
    items: searchItems,
    serverSorted: { key: def.changedAt },
    changeId: { recordId: 'opportunityId', parts: def.change },
    customFields: 'opportunity',
    enrich: pipelineNames,
    resultKey: 'opportunities',
    sample: def.sample,
    outputFields: changeOutputFields(def.what),
  });
}

export const opportunityStageChangedTrigger = opportunityChangeTrigger({
  key: 'opportunity_stage_changed',
  label: 'Opportunity Stage Changed',
  description: 'Triggers when an opportunity enters a new pipeline stage (including the first stage of a new opportunity).',
  what: 'stage ID',
  sortField: 'last_stage_change_date',
  fields: [
    pipelineFilter,
    relabel(
      pipelineStageIdField,
      'Stage',
      'Only when an opportunity enters this stage (optional). Choose the pipeline first to see its stages.',
    ),
  ],
  filters: (input) => [eq('pipeline_id', input.pipelineId), eq('pipeline_stage_id', input.pipelineStageId)],
  change: (o) => [o.pipelineStageId, o.lastStageChangeAt],
  changedAt: (o) => o.lastStageChangeAt,
  sample: opportunityOutputSample,
});

export const opportunityStatusChangedTrigger = opportunityChangeTrigger({
  key: 'opportunity_status_changed',
  label: 'Opportunity Status Changed',
  description: 'Triggers when an opportunity is marked won, lost, abandoned or open again.',
  what: 'status',
  sortField: 'last_status_change_date',
  fields: [
    relabel(
      opportunityStatusField,
      'New Status',
      'Only when an opportunity changes to this status (optional; leave empty for every change).',
    ),
    pipelineFilter,
  ],
  filters: (input) => [eq('status', input.status), eq('pipeline_id', input.pipelineId)],
  change: (o) => [o.status, o.lastStatusChangeAt],
  changedAt: (o) => o.lastStatusChangeAt,
  sample: { ...opportunityOutputSample, status: 'won' },
});

const DROPDOWN_PAGE = 50;

/** Opportunities for every opportunity dropdown, newest first, page by page. */
export const opportunityDropdown = dropdownTrigger({
  key: 'opportunity_list',
  noun: 'Opportunity',
  endpoint: opportunitiesApi.searchOpportunities,
  request: (_input, { page }) => ({ body: opportunitySearchBody('date_added', [], DROPDOWN_PAGE, page + 1) }),
  resultKey: 'opportunities',
  label: (o) => [o.name || o.id, o.contact?.name].filter(Boolean).join(' – '),
  sample: { id: opportunitySample.id, name: opportunitySample.name },
});

/** The location's pipelines (HighLevel returns them all, with their stages, in one answer). */
export const pipelineDropdown = dropdownTrigger({
  key: 'pipeline_list',
  noun: 'Pipeline',
  endpoint: opportunitiesApi.listPipelines,
  paged: false,
  resultKey: 'pipelines',
  label: (p) => p.name || p.id,
  sample: { id: pipelineSample.id, name: pipelineSample.name },
});

/** Stages of the chosen pipeline; with no pipeline chosen, every stage, named "Pipeline › Stage". */
export function stagesOf(pipelines: Item[], pipelineId?: string): Item[] {
  const chosen = pipelineId ? pipelines.filter((p) => p.id === pipelineId) : pipelines;
  return chosen.flatMap((p) =>
    ((p.stages ?? []) as Item[])
      .filter((s) => s && typeof s === 'object' && s.id)
      .map((s) => ({ ...s, pipelineId: p.id, name: pipelineId ? s.name || s.id : `${p.name || p.id} › ${s.name || s.id}` })),
  );
}

export const pipelineStageDropdown = pollingTrigger({
  key: 'pipeline_stage_list',
  noun: 'Stage',
  label: 'List Stages',
  description: 'Lists the stages of a pipeline for dropdowns.',
  hidden: true,
  endpoint: opportunitiesApi.listPipelines,
  fields: [
    { ...pipelineIdField, altersDynamicFields: undefined, helpText: 'The pipeline whose stages to list (all pipelines when empty).' },
  ],
  perform: async (input: Input, ctx: PollContext) => {
    if (ctx.page > 0) return []; // one answer holds every stage: "load more" has nothing to add
    const data = await ctx.call(opportunitiesApi.listPipelines, {});
    return stagesOf((data?.pipelines ?? []) as Item[], input.pipelineId);
  },
  sample: { id: pipelineSample.stages[1].id, name: pipelineSample.stages[1].name, pipelineId: pipelineSample.id },
  zapier: { canPaginate: true },
});
