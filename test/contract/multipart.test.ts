import { dispositionParams, parseMultipart } from '../../contract/multipart';
import { checkRequest, ContractRequest } from '../../contract/openapi';
import { FormPart, multipartForm } from '../../src/multipart';

// The contract checker on multipart/form-data uploads: every part declared by the spec's form schema (deviations
// applied), files where it says `format: binary` and text elsewhere, required parts present, values typed.

const csv = { name: 'posts.csv', contentType: 'text/csv', content: Buffer.from('date,content\n2026-01-31 15:00,Hello\n') };

function upload(url: string, parts: FormPart[], headers: Record<string, string> = {}): ContractRequest {
  const body = multipartForm(parts);
  return {
    method: 'POST',
    url,
    body: body.content,
    headers: { Authorization: 'Bearer t', Version: '2021-07-28', 'Content-Type': body.contentType, ...headers },
  };
}

const errorsOf = (r: ContractRequest) => checkRequest(r).errors;
const SOCIAL = '/social-media-posting/loc1/csv';

describe('multipart requests against the spec', () => {
  it('accepts an upload whose parts the form schema declares, as Buffer or as the parsed parts', () => {
    const r = upload(SOCIAL, [{ name: 'file', file: csv }]);
    expect(errorsOf(r)).toEqual([]);
    const parsed = parseMultipart(r.body as Buffer, String(r.headers['Content-Type']));
    expect(parsed.file).toMatchObject({ filename: 'posts.csv', contentType: 'text/csv', size: csv.content.length });
    expect(errorsOf({ ...r, body: parsed })).toEqual([]);
  });

  it('refuses a missing required file, a text part where a file is due, and an undeclared part', () => {
    expect(errorsOf(upload(SOCIAL, [{ name: 'note', value: 'x' }]))).toEqual([
      'body/note is not declared by the spec',
      'body/file is required',
    ]);
    expect(errorsOf(upload(SOCIAL, [{ name: 'file', value: 'https://example.com/posts.csv' }]))).toEqual([
      'body/file must be a file part (with a filename)',
    ]);
  });

  it('refuses a file where the schema declares text, and checks text parts by type (with coercion) and enum', () => {
    const media = '/medias/upload-file';
    expect(errorsOf(upload(media, [{ name: 'name', file: csv }]))).toEqual(['body/name must be a text part, not a file']);
    expect(
      errorsOf(
        upload(media, [
          { name: 'file', file: csv },
          { name: 'hosted', value: 'false' },
          { name: 'name', value: 'posts.csv' },
        ]),
      ),
    ).toEqual([]);
    expect(errorsOf(upload(media, [{ name: 'hosted', value: 'maybe' }]))[0]).toMatch(/^body\/hosted must be boolean/);
  });

  it('takes a repeated name as a list (conversations attachmentUrls) and requires the declared required parts', () => {
    const url = '/conversations/messages/upload';
    const base: FormPart[] = [
      { name: 'conversationId', value: 'c1' },
      { name: 'contactId', value: 'p1' },
      { name: 'locationId', value: 'l1' },
      { name: 'attachmentUrls', value: 'https://example.com/a.png' },
      { name: 'attachmentUrls', value: 'https://example.com/b.png' },
      { name: 'fileAttachment', file: csv },
    ];
    const headers = { Version: '2021-04-15' };
    expect(errorsOf(upload(url, base, headers))).toEqual([]);
    const sent = upload(url, base, headers);
    const parsed = parseMultipart(sent.body as Buffer, String(sent.headers['Content-Type']));
    expect(parsed.attachmentUrls).toEqual(['https://example.com/a.png', 'https://example.com/b.png']);
    expect(errorsOf(upload(url, base.slice(1), headers))).toEqual(['body/conversationId is required']);
  });

  it('files under names of the caller choosing: any name where the schema allows it, in the declared pattern', () => {
    const forms = '/forms/upload-custom-files?contactId=p1&locationId=l1';
    expect(errorsOf(upload(forms, [{ name: 'cf1_abc', file: csv }]))).toEqual([]);
    expect(errorsOf(upload(forms, [{ name: 'nounderscore', file: csv }])).join(' ')).toMatch(/property name must be valid|pattern/);
    expect(errorsOf(upload(forms, [{ name: 'cf1_abc', value: 'text' }]))).toEqual(['body/cf1_abc must be a file part (with a filename)']);
    const custom = '/locations/loc1/customFields/upload';
    expect(
      errorsOf(
        upload(custom, [
          { name: 'id', value: 'cf1' },
          { name: 'contract.pdf', file: csv },
        ]),
      ),
    ).toEqual([]);
  });

  it('refuses a multipart body sent without its Content-Type boundary, or as JSON', () => {
    const r = upload(SOCIAL, [{ name: 'file', file: csv }]);
    expect(errorsOf({ ...r, headers: { ...r.headers, 'Content-Type': 'multipart/form-data' } })[0]).toMatch(
      /Content-Type must be multipart\/form-data with a boundary/,
    );
    expect(errorsOf({ ...r, body: { file: 'abc' }, headers: { ...r.headers, 'Content-Type': 'application/json' } })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Content-Type must be multipart\/form-data/),
        'body/file must be a file part (with a filename)',
      ]),
    );
  });

  it('reads part headers as busboy does: quoted-string escapes, filename* first; a header busboy would misread is an error', () => {
    const type = 'multipart/form-data; boundary=b';
    const body = (disposition: string) =>
      Buffer.from(`--b\r\nContent-Disposition: form-data; ${disposition}\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n`);
    // A name ending in "\" sent raw: busboy reads `\"` as an escaped quote and loses the part.
    expect(() => parseMultipart(body('name="file"; filename="a\\"'), type)).toThrow(/unterminated quoted string/);
    expect(() => parseMultipart(body('name="file"; filename="a\\"; x="y"'), type)).toThrow(/malformed Content-Disposition/);
    expect(parseMultipart(body('name="file"; filename="a\\"b\\\\"'), type).file).toMatchObject({ filename: 'a"b\\' });
    expect(parseMultipart(body(`name="file"; filename="cafe.txt"; filename*=UTF-8''caf%C3%A9.txt`), type).file).toMatchObject({
      filename: 'café.txt',
    });
    // Raw UTF-8 in a header: busboy's default (latin1) reads mojibake, and so does the checker.
    expect((parseMultipart(body('name="file"; filename="café.txt"'), type).file as { filename: string }).filename).toBe('cafÃ©.txt');
    expect(() => parseMultipart(body(`name="file"; filename*=ISO-8859-1''caf%E9.txt`), type)).toThrow(/must be UTF-8/);
    expect(dispositionParams('form-data; name=token; NAME2 = "v"')).toEqual({ name: 'token', name2: 'v' });
    expect(() => dispositionParams('attachment; name="x"')).toThrow(/not form-data/);
    // The checker reports it as a contract error.
    const r = upload(SOCIAL, [{ name: 'file', file: csv }]);
    expect(errorsOf({ ...r, headers: { ...r.headers, 'Content-Type': type }, body: body('name="file"; filename="a\\"') })[0]).toMatch(
      /^body: Multipart part with a malformed Content-Disposition/,
    );
  });

  it('accepts what the app sends for awkward names (%5C, %22, filename* with an ASCII fallback)', () => {
    for (const name of ['a\\', 'a\\b"c.txt', 'résumé (1).pdf', "it's ✓.txt"]) {
      const r = upload(SOCIAL, [{ name: 'file', file: { ...csv, name } }]);
      expect(errorsOf(r)).toEqual([]);
      const parsed = parseMultipart(r.body as Buffer, String(r.headers['Content-Type']));
      expect((parsed.file as { filename: string }).filename).toBe(
        /^[\x20-\x7e]*$/.test(name) ? name.replace(/\\/g, '%5C').replace(/"/g, '%22') : name,
      );
    }
  });
});
