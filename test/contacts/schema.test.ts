// The contact operations (with their custom field functions) pass Zapier's own app schema, as core validates it.
import App from '../../app/index';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { compileApp, validateApp } = require('zapier-platform-core/src/tools/schema');

describe("Zapier's app schema", () => {
  it('accepts the contact operations with custom field input and output functions', () => {
    const app = App as any;
    expect(typeof app.creates.create_contact.operation.inputFields.at(-1)).toBe('function');
    expect(typeof app.triggers.new_contact.operation.outputFields.at(-1)).toBe('function');
    const only = (kind: string) => Object.fromEntries(Object.entries(app[kind]).filter(([k]) => /contact|note|task|tag/.test(k)));
    const subset = { ...app, triggers: only('triggers'), creates: only('creates'), searches: only('searches'), searchOrCreates: {} };
    expect(validateApp(compileApp(subset))).toEqual([]);
  });
});
