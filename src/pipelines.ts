import type { Bundle, ZObject } from 'zapier-platform-core';
import { opportunitiesApi } from './api/opportunities';
import { cachedPerConnection } from './cache';
import { callHighLevel } from './client';
import type { OutputEnricher } from './factories/operation';

/**
 * Opportunities name their pipeline and stage by id only; `pipelineName` and `pipelineStageName` make the output
 * readable (which stage did "Opportunity Stage Changed" enter?). The names come from GET /opportunities/pipelines,
 * read at most once per step and cached per connection (src/cache.ts).
 */

/** Pipeline id → its name and its stages' names by stage id (all a step needs, small enough for z.cache). */
export type PipelineNames = Record<string, { name?: string; stages: Record<string, string> }>;

type Item = Record<string, any>;

export function pipelineNamesOf(pipelines: unknown): PipelineNames {
  const names: PipelineNames = {};
  for (const p of Array.isArray(pipelines) ? pipelines : []) {
    if (!p || typeof p !== 'object' || typeof p.id !== 'string') continue;
    const stages: Record<string, string> = {};
    for (const s of Array.isArray(p.stages) ? p.stages : [])
      if (s && typeof s.id === 'string' && typeof s.name === 'string') stages[s.id] = s.name;
    names[p.id] = { ...(typeof p.name === 'string' ? { name: p.name } : {}), stages };
  }
  return names;
}

const isNames = (v: unknown): v is PipelineNames => !!v && typeof v === 'object' && !Array.isArray(v);

/** Adds the names HighLevel has for the record's pipeline and stage; unknown ids get no name key. */
export function withNames(item: Item, names: PipelineNames): Item {
  if (!item || typeof item !== 'object') return item;
  const pipeline = typeof item.pipelineId === 'string' ? names[item.pipelineId] : undefined;
  const stageName = typeof item.pipelineStageId === 'string' ? pipeline?.stages[item.pipelineStageId] : undefined;
  return {
    ...item,
    ...(pipeline?.name !== undefined ? { pipelineName: pipeline.name } : {}),
    ...(stageName !== undefined ? { pipelineStageName: stageName } : {}),
  };
}

const known = (names: PipelineNames, item: Item) =>
  !item.pipelineId ||
  (!!names[item.pipelineId] && (!item.pipelineStageId || names[item.pipelineId].stages[item.pipelineStageId] !== undefined));

/**
 * The step's opportunities (one record or a list) with pipeline and stage names. Nothing is read when no record
 * has a pipeline; a cached copy that lacks a pipeline or stage of these records (created since) is read again.
 * If the pipelines cannot be read, the records keep their ids and the step does not fail.
 */
export async function withPipelineNames(z: ZObject, bundle: Bundle, result: any): Promise<any> {
  const items: Item[] = (Array.isArray(result) ? result : [result]).filter((i) => i && typeof i === 'object');
  if (!items.some((i) => typeof i.pipelineId === 'string' && i.pipelineId)) return result;
  let names: PipelineNames;
  try {
    names = await cachedPerConnection(
      z,
      bundle,
      'pipelineNames',
      async () =>
        pipelineNamesOf((await callHighLevel<{ pipelines?: unknown[] }>(z, bundle, opportunitiesApi.listPipelines, {}))?.pipelines),
      // An hour: a pipeline or stage created since is read again at once (usable), so only a rename waits; a poll
      // then costs one request even on a 15-minute polling plan.
      { valid: isNames, usable: (cached) => items.every((i) => known(cached, i)), ttlSeconds: 3600 },
    );
  } catch (error) {
    z.console.log(`Pipeline names unavailable, keeping ids: ${(error as Error).message}`);
    return result;
  }
  return Array.isArray(result) ? result.map((i) => withNames(i, names)) : withNames(result, names);
}

/** The factory option (`enrich`) the opportunity operations declare. */
export const pipelineNames: OutputEnricher = { endpoints: [opportunitiesApi.listPipelines], apply: withPipelineNames };
