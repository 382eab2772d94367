import { checkResponse } from '../../contract/openapi';
import { pipelineSample } from '../../src/fields/opportunity';

// The pipeline list carries stage objects (contract/deviations.ts: opportunities-pipelines-stage-items-arrays).
describe('GET /opportunities/pipelines contract', () => {
  it('accepts pipelines whose stages are objects, as the stage dropdown reads them', () => {
    expect(checkResponse('GET', '/opportunities/pipelines', 200, { pipelines: [pipelineSample] }).errors).toEqual([]);
  });

  it('still rejects a stage without an id', () => {
    const bad = { ...pipelineSample, stages: [{ name: 'No id' }] };
    expect(checkResponse('GET', '/opportunities/pipelines', 200, { pipelines: [bad] }).ok).toBe(false);
  });
});
