import { opportunitiesApi } from '../src/api/opportunities';
import { dropdownTrigger } from '../src/factories/dropdown';
import { Input, Item, OutputField } from '../src/factories/operation';
import { PollContext, pollingTrigger } from '../src/factories/trigger';
import { FieldDef, relabel } from '../src/fields/field';
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

// The opportunity triggers use the advanced search (POST /opportunities/search). The spec declares neither its
// `filters` nor its `sort`; both are documented in HighLevel's search guide the spec links to (ClickUp doc
// 87cpx-424216), with sort fields date_added, date_updated, last_stage_change_date and last_status_change_date.
// Sorting on the change date the trigger watches gives the newest changes first in ONE request per poll. (The
// GET variant's `order` is a free string whose only documented value is "added_asc".)

type SortField = 'date_added' | 'date_updated' | 'last_stage_change_date' | 'last_status_change_date';

interface Filter {
  field: string;
  operator: 'eq';
  value: string;
}

/** The search body: newest first by `sortField`, optional equality filters, one page. */
export function opportunitySearchBody(sortField: SortField, filters: Array<Filter | false | undefined>, limit: number, page = 1) {
  const used = filters.filter((f): f is Filter => !!f);
  return { limit, page, sort: [{ field: sortField, direction: 'desc' }], ...(used.length ? { filters: used } : {}) };
}

const eq = (field: string, value: unknown): Filter | undefined => (value ? { field, operator: 'eq', value: String(value) } : undefined);

const pipelineFilter: FieldDef = relabel(pipelineIdField, 'Pipeline', 'Only opportunities in this pipeline (optional; leave empty for all pipelines).');

const searchItems = (data: any): Item[] => ((data?.opportunities ?? []) as Item[]).filter((o) => o && typeof o === 'object');

export const newOpportunityTrigger = pollingTrigger({
  key: 'new_opportunity',
  noun: 'Opportunity',
  label: 'New Opportunity',
  description: 'Triggers when a new opportunity is added to your HighLevel location.',
  endpoint: opportunitiesApi.searchOpportunities,
  fields: [pipelineFilter],
  request: (input, { limit, page }) => ({ body: opportunitySearchBody('date_added', [eq('pipeline_id', input.pipelineId)], limit, page + 1) }),
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

export const opportunityStageChangedTrigger = pollingTrigger({
  key: 'opportunity_stage_changed',
  noun: 'Opportunity',
  label: 'Opportunity Stage Changed',
  description:
    'Triggers when an opportunity enters a new pipeline stage (including the first stage of a new opportunity).',
  endpoint: opportunitiesApi.searchOpportunities,
  fields: [
    pipelineFilter,
    relabel(pipelineStageIdField, 'Stage', 'Only when an opportunity enters this stage (optional). Choose the pipeline first to see its stages.'),
  ],
  request: (input, { limit, page }) => ({
    body: opportunitySearchBody('last_stage_change_date', [eq('pipeline_id', input.pipelineId), eq('pipeline_stage_id', input.pipelineStageId)], limit, page + 1),
  }),
  items: searchItems,
  serverSorted: { key: (o) => o.lastStageChangeAt },
  changeId: { recordId: 'opportunityId', parts: (o) => [o.pipelineStageId, o.lastStageChangeAt] },
  customFields: 'opportunity',
  enrich: pipelineNames,
  resultKey: 'opportunities',
  sample: opportunityOutputSample,
  outputFields: changeOutputFields('stage ID'),
});

export const opportunityStatusChangedTrigger = pollingTrigger({
  key: 'opportunity_status_changed',
  noun: 'Opportunity',
  label: 'Opportunity Status Changed',
  description: 'Triggers when an opportunity is marked won, lost, abandoned or open again.',
  endpoint: opportunitiesApi.searchOpportunities,
  fields: [
    relabel(opportunityStatusField, 'New Status', 'Only when an opportunity changes to this status (optional; leave empty for every change).'),
    pipelineFilter,
  ],
  request: (input, { limit, page }) => ({
    body: opportunitySearchBody('last_status_change_date', [eq('status', input.status), eq('pipeline_id', input.pipelineId)], limit, page + 1),
  }),
  items: searchItems,
  serverSorted: { key: (o) => o.lastStatusChangeAt },
  changeId: { recordId: 'opportunityId', parts: (o) => [o.status, o.lastStatusChangeAt] },
  customFields: 'opportunity',
  enrich: pipelineNames,
  resultKey: 'opportunities',
  sample: { ...opportunityOutputSample, status: 'won' },
  outputFields: changeOutputFields('status'),
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
  request: () => ({}),
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
  fields: [{ ...pipelineIdField, altersDynamicFields: undefined, helpText: 'The pipeline whose stages to list (all pipelines when empty).' }],
  perform: async (input: Input, ctx: PollContext) => {
    if (ctx.page > 0) return []; // one answer holds every stage: "load more" has nothing to add
    const data = await ctx.call(opportunitiesApi.listPipelines, {});
    return stagesOf((data?.pipelines ?? []) as Item[], input.pipelineId);
  },
  sample: { id: pipelineSample.stages[1].id, name: pipelineSample.stages[1].name, pipelineId: pipelineSample.id },
  zapier: { canPaginate: true },
});
