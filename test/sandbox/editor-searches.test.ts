import { sandboxApp } from './support';

// End to end against the sandbox: the From Number dropdown of Send SMS, and the searches added so every dropdown
// offers "add a search step" (each finds what its dropdown lists).

const app = sandboxApp();
type Item = Record<string, any>;

describe('zap editor searches in the sandbox', () => {
  it("From Number lists the location's SMS numbers by name, and Find Phone Number finds one", async () => {
    const choices: Item[] = await app.run('phone_number_list');
    expect(choices.map((c) => [c.id, c.name])).toEqual([['+15550100150', 'Sandbox Main Line (+15550100150)']]); // the voice-only number is left out
    expect((await app.run('find_phone_number', { name: 'main line' })).map((n: Item) => n.id)).toEqual(['+15550100150']);
    expect(await app.run('find_phone_number', { name: 'toll-free' })).toEqual([]);
  });

  it('Send SMS sends from the number the dropdown offers, and outputs what the answer carries', async () => {
    const [contact] = await app.run('contact_list');
    const [from] = await app.run('phone_number_list');
    const sent = await app.run('send_sms', { contactId: contact.id, message: 'Your estimate is ready.', fromNumber: from.id });
    expect(Object.keys(sent).sort()).toEqual(expect.arrayContaining(['conversationId', 'id', 'messageId']));
    expect(sent.emailMessageId).toBeUndefined();
  });

  it('Find Tag and Find Pipeline Stage give the ids their dropdowns give', async () => {
    const [tag] = await app.run('tag_list');
    expect((await app.run('find_tag', { name: tag.name.toUpperCase() })).map((t: Item) => t.id)).toEqual([tag.id]);
    const stages: Item[] = await app.run('pipeline_stage_list');
    const stage = stages[stages.length - 1];
    const found: Item[] = await app.run('find_pipeline_stage', { pipelineId: stage.pipelineId, name: stage.name.split(' › ').pop() });
    expect(found.map((s) => s.id)).toContain(stage.id);
    expect(found[0]).toMatchObject({ pipelineId: stage.pipelineId });
  });
});
