import { opportunitiesApi } from '../src/api/opportunities';
import { eq, opportunitySearchBody } from '../src/domains/opportunities';
import { nameSearch } from '../src/factories/nameSearch';
import { Item } from '../src/factories/operation';
import { searchAction } from '../src/factories/search';
import { optional } from '../src/fields/field';
import {
  opportunityFields as f,
  opportunityOutputFields,
  opportunityOutputSample,
  pipelineOutputFields,
  pipelineSample,
} from '../src/fields/opportunity';
import * as v from '../src/fields/values';
import { pipelineNames } from '../src/pipelines';

/**
 * Find Opportunity: by ID (`GET /opportunities/{id}`, a 404 is "not found"), else by contact, pipeline, status
 * and/or text with the advanced search, most recently updated first.
 */
export const findOpportunity = searchAction({
  key: 'find_opportunity',
  noun: 'Opportunity',
  label: 'Find Opportunity',
  description: "Finds an opportunity by ID, or a contact's opportunity by pipeline, status or a search text.",
  endpoint: opportunitiesApi.getOpportunity,
  alsoCalls: [opportunitiesApi.searchOpportunities],
  fields: [
    { key: 'opportunityId', label: 'Opportunity ID', helpText: 'Find the opportunity with exactly this ID.', schema: v.id() },
    { ...optional(f.contactId), helpText: 'Find an opportunity of this contact.' },
    { ...f.pipelineId, helpText: 'Only opportunities in this pipeline.' },
    { ...f.status, helpText: 'Only opportunities with this status.' },
    {
      key: 'query',
      label: 'Search Text',
      helpText: 'Free text matched against the opportunity and contact name, email and phone (up to 75 characters).',
      schema: v.text(75),
    },
  ],
  fillInOneOf: ['opportunityId', 'contactId', 'pipelineId', 'status', 'query'],
  perform: async (input, ctx): Promise<Item[]> => {
    if (input.opportunityId) {
      const data = await ctx.call(opportunitiesApi.getOpportunity, { path: { id: input.opportunityId } }, { notFoundAsNull: true });
      return data?.opportunity ? [data.opportunity] : [];
    }
    const filters = [eq('contact_id', input.contactId), eq('pipeline_id', input.pipelineId), eq('status', input.status)];
    const body = { ...opportunitySearchBody('date_updated', filters, 10), ...(input.query ? { query: input.query } : {}) };
    const data = await ctx.call(opportunitiesApi.searchOpportunities, { body });
    return ((data?.opportunities ?? []) as Item[]).filter((o) => o && o.id);
  },
  customFields: 'opportunity',
  enrich: pipelineNames,
  resultKey: 'opportunity',
  sample: opportunityOutputSample,
  outputFields: opportunityOutputFields,
});

export const findPipeline = nameSearch({
  key: 'find_pipeline',
  noun: 'Pipeline',
  description: 'Finds a pipeline by its name, with its stages.',
  endpoint: opportunitiesApi.listPipelines,
  listKey: 'pipelines',
  sample: pipelineSample,
  outputFields: pipelineOutputFields,
});
