import * as http from 'http';
import { AddressInfo } from 'net';
import nock from 'nock';
import { parseMultipart } from '../../contract/multipart';
import * as creates from '../../creates/medias';
import App from '../../app/index';
import { fileNameOf } from '../../src/api/medias';
import { fileUrls } from '../../src/apiRequest/request';
import { clientLimits } from '../../src/client';
import { appTester, AUTH, failureOf, highlevel, interceptedBody, run } from '../support/highlevel';

// The files of an upload (Upload File to Media Library, API Request) come from a file host, here a loopback
// server: a body without Content-Length is read only up to the limit, one request's files together stay under
// API Request's limit, names survive busboy's reading (multer's parser) and redirects.

const MB = 1024 * 1024;
/** What the file host did for each path: bytes it got written before the connection ended, and whether it finished. */
const served = new Map<string, { sent: number; finished: boolean }>();
let files: http.Server;
let base = '';

/** Streams `total` bytes of 1 MB chunks without a Content-Length (chunked), as long as the client reads them. */
function stream(req: http.IncomingMessage, res: http.ServerResponse, total: number) {
  const record = { sent: 0, finished: false };
  served.set(req.url!, record);
  res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
  const chunk = Buffer.alloc(MB, 0x61);
  let closed = false;
  res.on('close', () => (closed = true));
  const write = () => {
    while (!closed && record.sent < total) {
      record.sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', write);
    }
    if (!closed) res.end(() => (record.finished = true));
  };
  write();
}

beforeAll(async () => {
  files = http.createServer((req, res) => {
    const url = req.url!;
    if (url === '/chunked/200mb') return stream(req, res, 200 * MB);
    if (url === '/chunked/30mb') return stream(req, res, 30 * MB);
    if (url === '/declared/30mb.bin') {
      const body = Buffer.alloc(30 * MB, 0x62);
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.length) });
      return res.end(body);
    }
    if (url === '/stalls') {
      // Headers and a first chunk, then nothing: a host that never finishes.
      res.writeHead(200, { 'Content-Type': 'application/pdf' });
      return void res.write('%PDF-1.4');
    }
    if (url.startsWith('/files/')) return res.writeHead(200, { 'Content-Type': 'application/pdf' }).end('%PDF-1.4');
    if (url === '/backslash') {
      // A quoted-string escape in the host's own header: the name is `a"b\`.
      return res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Disposition': 'attachment; filename="a\\"b\\\\"' }).end('x');
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => files.close(() => resolve())));

/** A HighLevel media upload answered, its form as busboy-strict parsing reads it (contract/multipart.ts). */
function mediaUpload(): { form: () => Record<string, any>; header: () => string } {
  let body: Buffer | undefined;
  let type = '';
  highlevel()
    .post('/medias/upload-file')
    .reply(function (_uri, raw) {
      type = String(this.req.headers['content-type']);
      body = interceptedBody(raw as string, type) as Buffer;
      return [200, { fileId: 'f1', url: 'https://storage.googleapis.com/x/f1' }];
    });
  return {
    form: () => parseMultipart(body!, type),
    header: () => /Content-Disposition: form-data; name="file"[^\r]*/.exec(body!.toString('latin1'))![0],
  };
}

describe('downloads stop at the limit', () => {
  it('Upload File: a file sent without Content-Length is refused once it passes 25 MB, and the download is aborted', async () => {
    const failure = await failureOf(run(creates.uploadFile, { file: `${base}/chunked/200mb` }));
    expect(failure).toMatchObject({
      code: 'FileTooLarge',
      message: "Upload File: the file is over 25.0 MB; HighLevel's media library takes files up to 25 MB.",
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const host = served.get('/chunked/200mb')!;
    // The host stopped when the step aborted: 25 MB plus what the sockets buffered, never the 200 MB.
    expect(host.finished).toBe(false);
    expect(host.sent).toBeLessThan(100 * MB);
  });

  it("API Request: one request's files together are refused past 50 MB, naming the line and the limit", async () => {
    const forms = { area: 'forms', operation: 'forms:upload-to-custom-fields', query_contactId: 'c1' };
    const failure = await failureOf(
      appTester(
        App.creates.api_request.operation.perform as any,
        {
          authData: AUTH,
          inputData: {
            ...forms,
            body_files: [
              { partName: 'cf1_a', file: `${base}/declared/30mb.bin` },
              { partName: 'cf1_b', file: `${base}/chunked/30mb` },
            ],
          },
        } as any,
      ),
    );
    expect(failure).toMatchObject({
      code: 'FileTooLarge',
      message:
        'API Request (Upload files to custom fields): Files (body_files) line 2: the file is over 20.0 MB; API Request uploads up to ' +
        '50 MB of files in one request, and the files before this one take 30.0 MB.',
    });
    expect(served.get('/chunked/30mb')!.finished).toBe(false);
  });
});

describe('a slow file host', () => {
  const timeoutMs = clientLimits.timeoutMs;
  afterEach(() => (clientLimits.timeoutMs = timeoutMs));

  it('Upload File: a host that stops sending is cut off after the client timeout, saying so', async () => {
    clientLimits.timeoutMs = 300;
    const started = Date.now();
    const failure = await failureOf(run(creates.uploadFile, { file: `${base}/stalls` }));
    expect(failure).toMatchObject({
      code: 'FileDownloadFailed',
      message: 'Upload File: the file host did not send the file within 0.3 s. Try again, or use a faster host.',
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('file names', () => {
  it('a name ending in a backslash, or holding quotes, reaches a strict (busboy-like) parser as %5C and %22', async () => {
    const sent = mediaUpload();
    await run(creates.uploadFile, { file: `${base}/files/x.pdf`, name: 'notes\\' });
    expect(sent.header()).toBe('Content-Disposition: form-data; name="file"; filename="notes%5C"');
    expect(sent.form().file).toMatchObject({ filename: 'notes%5C' });
    const again = mediaUpload();
    const out = await run(creates.uploadFile, { file: `${base}/backslash` });
    expect(out.name).toBe('a"b\\');
    expect(again.form().file).toMatchObject({ filename: 'a%22b%5C' });
  });

  it("a non-ASCII name goes as filename*=UTF-8'' with an ASCII fallback", async () => {
    const sent = mediaUpload();
    await run(creates.uploadFile, { file: `${base}/files/x.pdf`, name: 'Résumé ✓.pdf' });
    expect(sent.header()).toBe(
      `Content-Disposition: form-data; name="file"; filename="Resume _.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%9C%93.pdf`,
    );
    expect(sent.form().file).toMatchObject({ filename: 'Résumé ✓.pdf' });
  });

  it('after a redirect the name comes from the URL that served the file', async () => {
    // nock, not the loopback host: Zapier's runtime refuses a redirect to 127.0.0.1.
    nock('https://files.example.com').get('/go').reply(302, '', { Location: 'https://cdn.example.com/files/report%20final.pdf' });
    nock('https://cdn.example.com').get('/files/report%20final.pdf').reply(200, '%PDF-1.4', { 'Content-Type': 'application/pdf' });
    const sent = mediaUpload();
    const out = await run(creates.uploadFile, { file: 'https://files.example.com/go' });
    expect(out).toMatchObject({ name: 'report final.pdf', contentType: 'application/pdf' });
    expect(sent.form().file).toMatchObject({ filename: 'report final.pdf' });
  });
});

describe("the name in a file host's Content-Disposition", () => {
  it('reads quoted-string escapes and filename* in UTF-8 or ISO-8859-1 (with a language), else falls back to the URL', () => {
    const url = 'https://x.example.com/dl/fallback.bin';
    expect(fileNameOf(url, 'attachment; filename="a\\"b;c.txt"; size=3')).toBe('a"b;c.txt');
    expect(fileNameOf(url, "attachment; filename=plain.txt; filename*=iso-8859-1'fr'caf%E9.txt")).toBe('caf\u00e9.txt');
    expect(fileNameOf(url, 'attachment; filename*=UTF-8\'en\'r%C3%A9sum%C3%A9.pdf; filename="resume.pdf"')).toBe('r\u00e9sum\u00e9.pdf');
    expect(fileNameOf(url, 'attachment; filename*=KOI8-R\'\'x; filename="ascii.txt"')).toBe('ascii.txt');
    expect(fileNameOf(url, 'attachment; filename="unterminated')).toBe('unterminated');
    expect(fileNameOf(url, 'inline')).toBe('fallback.bin');
  });
});

describe('lists of file URLs given as text', () => {
  it('split at newlines, or at commas that start another URL; a comma inside a URL stays; JSON lists and lists as they are', () => {
    expect(fileUrls('https://a.example/x,y.pdf, https://b.example/z.pdf')).toEqual([
      'https://a.example/x,y.pdf',
      'https://b.example/z.pdf',
    ]);
    expect(fileUrls('https://a.example/s?sig=a,b\r\nhttp://b.example/z.pdf\n')).toEqual([
      'https://a.example/s?sig=a,b',
      'http://b.example/z.pdf',
    ]);
    expect(fileUrls('["https://a.example/x,y.pdf","https://b.example/z.pdf"]')).toEqual([
      'https://a.example/x,y.pdf',
      'https://b.example/z.pdf',
    ]);
    expect(fileUrls(['https://a.example/1', 'https://a.example/2'])).toEqual(['https://a.example/1', 'https://a.example/2']);
    expect(fileUrls('https://a.example/only,one')).toEqual(['https://a.example/only,one']);
  });
});
