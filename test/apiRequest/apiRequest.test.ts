import nock from 'nock';
import { parseMultipart } from '../../contract/multipart';
import { loadDetail, loadIndex, matchOperation } from '../../src/apiRequest/artifacts';
import { operationLabel } from '../../src/apiRequest/fields';
import App from '../../app/index';
import { appTester, AUTH, failureOf, highlevel, interceptedBody, operation, run } from '../support/highlevel';

// The API Request action (issue 13): fields in the editor through the Zapier runtime, validation before any
// request, the request sent through the app's client, and the shapes of its output.

const AGENCY = { ...AUTH, userType: 'Company', locationId: '' };
const fieldsFor = (inputData: Record<string, unknown>, authData: Record<string, unknown> = AUTH): Promise<any[]> =>
  appTester(App.creates.api_request.operation.inputFields, { authData, inputData } as any) as Promise<any[]>;

const unmatched: string[] = [];
nock.emitter.on('no match', (req: any) => unmatched.push(`${req.method} ${req.path}`));
beforeEach(() => (unmatched.length = 0));

describe('the editor', () => {
  it('offers the areas first, by title', async () => {
    const fields = await fieldsFor({});
    expect(fields.map((f) => f.key)).toEqual(['area']);
    expect(fields[0]).toMatchObject({ required: true, altersDynamicFields: true });
    expect(fields[0].choices.invoices).toBe('Invoice');
    expect(Object.keys(fields[0].choices)).toHaveLength(loadIndex().areas.length);
  });

  it("then the area's operations, labelled with summary, method and path, marked agency-only or lacking a granted scope", async () => {
    const fields = await fieldsFor({ area: 'invoices' }, { ...AUTH, scope: 'contacts.readonly invoices.readonly' });
    const op = fields.find((f) => f.key === 'operation');
    expect(op).toMatchObject({ required: true, altersDynamicFields: true, dependsOn: ['area'] });
    expect(Object.keys(op.choices).every((k) => k.startsWith('invoices:'))).toBe(true);
    expect(op.choices['invoices:list-invoices']).toBe('List invoices — GET /invoices/');
    expect(op.choices['invoices:create-invoice']).toMatch(/^Create Invoice — POST \/invoices\/ · needs scope invoices\.write$/);
    const agencyOnly = loadIndex().operations.find((o) => o.agencyOnly)!;
    expect(operationLabel(agencyOnly, undefined)).toContain('· agency only');
  });

  it("then the operation's own inputs: types, required flags, choices, defaults, line items and JSON with its schema", async () => {
    const fields = await fieldsFor({ area: 'invoices', operation: 'invoices:list-invoices' });
    const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(byKey.query_limit).toMatchObject({ label: 'Limit', required: true, type: 'string' });
    expect(byKey.query_paymentMode.choices).toEqual({ default: 'default', live: 'live', test: 'test' });
    // Filled from the connection: optional, and the help says so.
    expect(byKey.query_altId).toMatchObject({ required: false, helpText: expect.stringContaining("connection's location") });

    const create = Object.fromEntries((await fieldsFor({ area: 'invoices', operation: 'invoices:create-invoice' })).map((f) => [f.key, f]));
    expect(create.body_items).toMatchObject({ type: 'json', required: true, schema: { type: 'array' } });
    expect(create.body_discount_type.label).toBe('Discount: Type');

    const lineItems = loadIndex()
      .operations.map((o) => [o, loadDetail(o).fields.find((f) => f.ch)] as const)
      .find(([, f]) => f)!;
    const withItems = await fieldsFor({ area: lineItems[0].area, operation: lineItems[0].key });
    const parent = withItems.find((f) => f.key === lineItems[1]!.k);
    expect(parent.children.length).toBeGreaterThan(0);
    expect(parent.children.every((c: any) => c.key && c.label && c.helpText)).toBe(true);
  });

  it('uploads: file parts are file fields, other form parts typed fields, named file parts line items of name and file', async () => {
    const media = Object.fromEntries(
      (await fieldsFor({ area: 'medias', operation: 'medias:upload-media-content' })).map((f) => [f.key, f]),
    );
    expect(media.body_file).toMatchObject({ type: 'file', required: false, helpText: expect.stringContaining('Map a file') });
    expect(media.body_hosted).toMatchObject({ type: 'boolean' });
    expect(media.body_name).toMatchObject({ type: 'string' });
    const csv = await fieldsFor({ area: 'social-media-posting', operation: 'social-media-posting:upload-csv' });
    expect(csv.find((f) => f.key === 'body_file')).toMatchObject({ type: 'file', required: true });
    const forms = await fieldsFor({ area: 'forms', operation: 'forms:upload-to-custom-fields' });
    const files = forms.find((f) => f.key === 'body_files');
    expect(files).toMatchObject({ required: true, helpText: expect.stringContaining('<custom field ID>_<file ID>') });
    expect(files.children.map((c: any) => [c.key, c.type, c.required])).toEqual([
      ['partName', 'string', true],
      ['file', 'file', true],
    ]);
    // No operation is marked unavailable any more.
    const ops = (await fieldsFor({ area: 'medias' })).find((f) => f.key === 'operation');
    expect(ops.choices['medias:upload-media-content']).toBe('Upload File into Media Storage — POST /medias/upload-file');
  });

  it('on an agency connection: the Location field for sub-account operations, none for agency-only ones', async () => {
    const sub = await fieldsFor({ area: 'invoices', operation: 'invoices:list-invoices' }, AGENCY);
    expect(sub.map((f) => f.key)).toContain('locationId');
    const agencyOp = loadIndex().operations.find((o) => o.agencyOnly && !o.multipart)!;
    const agency = await fieldsFor({ area: agencyOp.area, operation: agencyOp.key }, AGENCY);
    expect(agency.map((f) => f.key)).not.toContain('locationId');
    // An agency-level operation's own location input cannot come from an agency connection: it is required there.
    const deleteLocation = await fieldsFor({ area: 'locations', operation: 'locations:delete-location' }, AGENCY);
    expect(deleteLocation.find((f) => f.key === 'path_locationId')).toMatchObject({ required: true });
    // A sub-account operation's location input is the Location field on an agency connection (no second one).
    const located = loadIndex().operations.find((o) => !o.agencyOnly && loadDetail(o).fields.some((f) => f.k === 'query_locationId'))!;
    expect((await fieldsFor({ area: located.area, operation: located.key }, AUTH)).map((f) => f.key)).toContain('query_locationId');
    expect((await fieldsFor({ area: located.area, operation: located.key }, AGENCY)).map((f) => f.key)).not.toContain('query_locationId');
  });
});

describe('running', () => {
  const apiRequest = operation('api_request');

  it('sends the operation with the Version the spec declares, the location from the connection, and returns the answer', async () => {
    highlevel()
      .get('/invoices/')
      .query({ altId: AUTH.locationId, altType: 'location', limit: '10', offset: '0' })
      .matchHeader('version', '2021-07-28')
      .matchHeader('authorization', `Bearer ${AUTH.access_token}`)
      .reply(200, { invoices: [{ _id: 'inv1', name: 'Tune-up' }], total: 1 });
    const out = await run(apiRequest, { area: 'invoices', operation: 'invoices:list-invoices', query_limit: '10', query_offset: '0' });
    expect(out).toEqual({ invoices: [{ _id: 'inv1', name: 'Tune-up' }], total: 1 });
  });

  it('uses the Version of calendars (2021-04-15) and copies `_id` to `id`', async () => {
    highlevel().get('/calendars/cal1').matchHeader('version', '2021-04-15').reply(200, { _id: 'cal1' });
    const out = await run(apiRequest, { area: 'calendars', operation: 'calendars:get-calendar', path_calendarId: 'cal1' });
    expect(out).toEqual({ _id: 'cal1', id: 'cal1' });
  });

  it.each([
    ['a missing required field', { query_offset: '0' }, /Limit \(query_limit\) is required/],
    [
      'a value outside the enum',
      { query_limit: '10', query_offset: '0', query_paymentMode: 'bogus' },
      /Payment Mode \(query_paymentMode\) must be one of: default, live, test/,
    ],
  ])('fails on %s before any request, naming the field', async (_what, extra, message) => {
    const failure = await failureOf(run(apiRequest, { area: 'invoices', operation: 'invoices:list-invoices', ...extra }));
    expect(failure).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(message) });
    expect(unmatched).toEqual([]);
  });

  it('fails on invalid JSON, and on JSON its schema rejects, before any request', async () => {
    const base = {
      area: 'invoices',
      operation: 'invoices:create-invoice',
      body_name: 'Tune-up',
      body_currency: 'USD',
      body_businessDetails: '{}',
    };
    const bad = await failureOf(run(apiRequest, { ...base, body_items: '[{"name": "x",' }));
    expect(bad.message).toMatch(/Items \(body_items\) must be valid JSON/);
    const wrong = await failureOf(
      run(apiRequest, { ...base, body_items: '[{"name": "x", "currency": "USD", "amount": 1, "qty": "two"}]' }),
    );
    expect(wrong.message).toMatch(/Items \(body_items\) does not match HighLevel's schema \(at 0\.qty: /);
    expect(unmatched).toEqual([]);
  });

  it('refuses an unknown operation and an agency-only one on a sub-account connection, before any request', async () => {
    expect((await failureOf(run(apiRequest, { area: 'invoices', operation: 'invoices:nope' }))).message).toMatch(
      /Operation \(operation\) must be one of/,
    );
    const agencyOp = loadIndex().operations.find((o) => o.agencyOnly && !o.multipart)!;
    expect(await failureOf(run(apiRequest, { area: agencyOp.area, operation: agencyOp.key }))).toMatchObject({
      code: 'AgencyConnectionRequired',
    });
    expect(unmatched).toEqual([]);
  });

  it('returns a list as items, text as text, and fails on a redirect instead of following it', async () => {
    const input = { area: 'calendars', operation: 'calendars:get-calendar', path_calendarId: 'cal1' };
    highlevel()
      .get('/calendars/cal1')
      .reply(200, [{ id: 'a' }]);
    expect(await run(apiRequest, input)).toEqual({ items: [{ id: 'a' }] });
    highlevel().get('/calendars/cal1').reply(200, 'plain words', { 'Content-Type': 'text/plain' });
    expect(await run(apiRequest, input)).toEqual({ text: 'plain words' });
    highlevel().get('/calendars/cal1').reply(302, '', { Location: 'https://evil.example/steal' });
    expect(await failureOf(run(apiRequest, input))).toMatchObject({ code: 'HighLevelRedirect' });
  });

  it('uploads: downloads the file and sends multipart/form-data through the client (token, Version), parts as the spec names them', async () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d]);
    nock('https://files.example.com').get('/q/quote%201019.pdf').reply(200, bytes, { 'Content-Type': 'application/pdf' });
    let received: { type: string; body: Buffer } | undefined;
    highlevel()
      .post('/conversations/messages/upload', (body) => Boolean(body))
      .matchHeader('version', '2021-04-15')
      .matchHeader('authorization', `Bearer ${AUTH.access_token}`)
      .reply(function (_uri, body) {
        received = {
          type: String(this.req.headers['content-type']),
          body: interceptedBody(body as string, String(this.req.headers['content-type'])) as Buffer,
        };
        return [200, { uploadedFiles: { 'quote 1019.pdf': 'https://storage.example.com/q.pdf' } }];
      });
    const out = await run(apiRequest, {
      area: 'conversations',
      operation: 'conversations:upload-file-attachments',
      body_conversationId: 'conv1',
      body_contactId: 'contact1',
      body_attachmentUrls: ['https://example.com/a.png', 'https://example.com/b.png'],
      body_fileAttachment: 'https://files.example.com/q/quote%201019.pdf',
    });
    expect(out).toEqual({ uploadedFiles: { 'quote 1019.pdf': 'https://storage.example.com/q.pdf' } });
    expect(received!.type).toMatch(/^multipart\/form-data; boundary=/);
    const form = parseMultipart(received!.body, received!.type);
    expect(Object.keys(form)).toEqual(['conversationId', 'contactId', 'locationId', 'attachmentUrls', 'fileAttachment']);
    expect(form).toMatchObject({
      conversationId: 'conv1',
      locationId: AUTH.locationId,
      attachmentUrls: ['https://example.com/a.png', 'https://example.com/b.png'],
    });
    expect(form.fileAttachment).toMatchObject({ filename: 'quote 1019.pdf', contentType: 'application/pdf', size: bytes.length });
    expect(Buffer.compare((form.fileAttachment as { content: Buffer }).content, bytes)).toBe(0);
    expect(unmatched).toEqual([]);
  });

  it('uploads: a missing required file or a bad named part fails naming the field, before any download or request', async () => {
    const csv = { area: 'social-media-posting', operation: 'social-media-posting:upload-csv' };
    expect(await failureOf(run(apiRequest, csv))).toMatchObject({
      code: 'InvalidInput',
      message: expect.stringContaining('File (body_file) is required'),
    });
    const forms = { area: 'forms', operation: 'forms:upload-to-custom-fields', query_contactId: 'c1' };
    expect((await failureOf(run(apiRequest, { ...forms, body_files: [{ partName: 'cf_1' }] }))).message).toMatch(
      /Files \(body_files\) line 1: File is required/,
    );
    expect((await failureOf(run(apiRequest, { ...forms, body_files: [] }))).message).toMatch(/Files \(body_files\) is required/);
    expect(
      (await failureOf(run(apiRequest, { ...forms, body_files: [{ partName: 12, file: 'https://files.example.com/a.pdf' }] }))).message,
    ).toMatch(/Files \(body_files\) line 1: Part Name must be text/);
    expect(unmatched).toEqual([]);
  });

  it("maps HighLevel's errors like every other step (403 names the scope)", async () => {
    highlevel().get('/invoices/').query(true).reply(403, { message: 'The token is not authorized for this scope.' });
    const failure = await failureOf(
      run(apiRequest, { area: 'invoices', operation: 'invoices:list-invoices', query_limit: '1', query_offset: '0' }),
    );
    expect(failure.message).toMatch(/refused access \(403\).*"invoices\.readonly" scope/);
  });
});

describe('matching a concrete path to its spec operation', () => {
  it('prefers literal segments over parameters and ignores a trailing slash', () => {
    expect(matchOperation('GET', '/invoices/')?.key).toBe('invoices:list-invoices');
    expect(matchOperation('GET', '/invoices/abc123')?.key).toBe('invoices:get-invoice');
    expect(matchOperation('GET', '/calendars/events')?.key).toBe('calendars:get-calendar-events');
    expect(matchOperation('GET', '/no/such/thing')).toBeUndefined();
  });
});
