import * as http from 'http';
import { AddressInfo } from 'net';
import { findOperationById } from '../../contract/openapi';
import { exampleAnswer } from '../../sandbox/specFallback';
import { sandboxApp } from './support';

// API Request uploads end to end with no account: a file served on loopback (as an earlier step's file would be)
// is downloaded by the step and sent as multipart/form-data to the sandbox, which checks the parts against the
// spec's form schema and answers from the spec's example (or, for the media library, its own route).

const app = sandboxApp();
// Not text: every byte value must arrive as it was.
const csv = Buffer.concat([Buffer.from('date,content\r\n2026-01-31 15:00,Caf\u00e9 opening\r\n'), Buffer.from([0, 255, 13, 10, 45, 45])]);
let files: http.Server;
let base = '';
let tokenSentToFileHost = false;

beforeAll(async () => {
  files = http.createServer((req, res) => {
    if (req.headers.authorization) tokenSentToFileHost = true;
    if (req.url === '/exports/posts.csv' || req.url === '/exports/caf%C3%A9%20%E2%9C%93.csv') {
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Length': String(csv.length) });
      res.end(csv);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => files.close(() => resolve())));

const lastUpload = () => [...app.sandbox.requests].reverse().find((r) => r.form)!;

describe('API Request uploads against the sandbox', () => {
  it("uploads a CSV (Upload CSV): the sandbox receives the file part with its name and bytes, the step returns the spec's answer", async () => {
    const out = await app.run('api_request', {
      area: 'social-media-posting',
      operation: 'social-media-posting:upload-csv',
      body_file: `${base}/exports/posts.csv`,
    });
    const op = findOperationById('social-media-posting.json', 'upload-csv')!;
    expect(out).toEqual(exampleAnswer(op).body);
    const received = lastUpload();
    expect(received).toMatchObject({ method: 'POST', path: `/social-media-posting/${app.locationId}/csv`, status: 201 });
    expect(Object.keys(received.form!)).toEqual(['file']);
    expect(received.form!.file).toMatchObject({ filename: 'posts.csv', contentType: 'text/csv', size: csv.length });
    expect(Buffer.compare((received.form!.file as { content: Buffer }).content, csv)).toBe(0);
    // The HighLevel token goes to HighLevel only, never to the host the file is downloaded from.
    expect(tokenSentToFileHost).toBe(false);
  });

  it('uploads two files to contact custom fields under the part names given, with the query the spec declares', async () => {
    const before = app.sandbox.requests.length;
    await app.run('api_request', {
      area: 'forms',
      operation: 'forms:upload-to-custom-fields',
      query_contactId: 'contact123',
      body_files: [
        { partName: 'cf1_a', file: `${base}/exports/posts.csv` },
        { partName: 'cf1_b', file: `${base}/exports/posts.csv` },
      ],
    });
    const received = lastUpload();
    expect(app.sandbox.requests.length).toBe(before + 1);
    expect(received).toMatchObject({ path: '/forms/upload-custom-files', status: 200 });
    expect(Object.keys(received.form!)).toEqual(['cf1_a', 'cf1_b']);
    expect(received.form!.cf1_b).toMatchObject({ filename: 'posts.csv', size: csv.length });
  });

  it("through the media library's own route: the uploaded file is then found by Find Files", async () => {
    const out = await app.run('api_request', {
      area: 'medias',
      operation: 'medias:upload-media-content',
      body_file: `${base}/exports/posts.csv`,
      body_name: 'planner.csv',
    });
    expect(out).toMatchObject({ fileId: expect.any(String), url: expect.stringMatching(/^https:\/\//) });
    expect(Object.keys(lastUpload().form!)).toEqual(['file', 'name']);
    const found = await app.run('find_file', { query: 'planner' });
    expect(found).toEqual([expect.objectContaining({ id: out.fileId, name: 'planner.csv', size: csv.length })]);
  });

  it("a file's non-ASCII name reaches the sandbox whole (filename* read over its ASCII fallback)", async () => {
    await app.run('api_request', {
      area: 'social-media-posting',
      operation: 'social-media-posting:upload-csv',
      body_file: `${base}/exports/caf%C3%A9%20%E2%9C%93.csv`,
    });
    expect(lastUpload().form!.file).toMatchObject({ filename: 'caf\u00e9 \u2713.csv', size: csv.length });
  });

  it('a missing required file, or a file that cannot be downloaded, fails naming the field before anything is sent', async () => {
    const before = app.sandbox.requests.length;
    const input = { area: 'social-media-posting', operation: 'social-media-posting:upload-csv' };
    await expect(app.run('api_request', input)).rejects.toThrow(
      /API Request \(Upload CSV\): invalid input\. File \(body_file\) is required/,
    );
    await expect(app.run('api_request', { ...input, body_file: 'posts.csv' })).rejects.toThrow(
      /File \(body_file\) must be a file from an earlier step or a public URL/,
    );
    await expect(app.run('api_request', { ...input, body_file: `${base}/exports/gone.csv` })).rejects.toThrow(
      /API Request \(Upload CSV\): File \(body_file\): downloading the file failed with status 404/,
    );
    expect(app.sandbox.requests.length).toBe(before);
  });
});
