import nock from 'nock';
import * as creates from '../../creates/medias';
import { fileNameOf, multipartBody } from '../../src/api/medias';
import { highlevel, run } from '../support/highlevel';

afterEach(() => nock.cleanAll());

describe('Upload File', () => {
  it('downloads the file and uploads it as multipart with its name and folder', async () => {
    nock('https://files.example.com')
      .get('/q/1019')
      .reply(200, 'quote body', { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="quote-1019.pdf"' });
    let sent = '';
    let type = '';
    const scope = highlevel()
      .post('/medias/upload-file', (body) => {
        sent = typeof body === 'string' ? body : JSON.stringify(body);
        return true;
      })
      .reply(function () {
        type = String(this.req.headers['content-type']);
        return [200, { fileId: 'f1', url: 'https://storage.googleapis.com/x/f1.pdf' }];
      });
    const result = await run(creates.uploadFile, { file: 'https://files.example.com/q/1019', parentId: 'folder1' });
    expect(result).toEqual({
      id: 'f1',
      fileId: 'f1',
      url: 'https://storage.googleapis.com/x/f1.pdf',
      name: 'quote-1019.pdf',
      size: 10,
      contentType: 'application/pdf',
    });
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    expect(sent).toContain('name="parentId"\r\n\r\nfolder1');
    expect(sent).toContain('name="file"; filename="quote-1019.pdf"\r\nContent-Type: application/pdf\r\n\r\nquote body');
    scope.done();
  });

  it('refuses a file over 25 MB before uploading, and a URL that is not one before any request', async () => {
    nock('https://files.example.com')
      .get('/big.zip')
      .reply(200, 'x', { 'Content-Length': String(26 * 1024 * 1024) });
    await expect(run(creates.uploadFile, { file: 'https://files.example.com/big.zip' })).rejects.toThrow(
      /26.0 MB; HighLevel's media library takes files up to 25 MB/,
    );
    await expect(run(creates.uploadFile, { file: 'not a url' })).rejects.toThrow(/File \(file\) must be a valid URL/);
  });
});

describe('multipart and file names', () => {
  it('builds a binary-safe body and takes the name from the header, else the URL', () => {
    const body = multipartBody(
      { name: 'a.bin' },
      { name: 'a"b.bin', contentType: 'application/octet-stream', content: Buffer.from([0, 255, 13, 10]) },
    );
    const boundary = body.contentType.split('boundary=')[1];
    expect(body.content.subarray(-boundary.length - 8).toString('latin1')).toBe(`\r\n--${boundary}--\r\n`);
    expect(body.content.includes(Buffer.from([0, 255, 13, 10]))).toBe(true);
    expect(body.content.toString('latin1')).toContain('filename="a%22b.bin"');
    expect(fileNameOf('https://x.example.com/a/b%20c.pdf?sig=1', null)).toBe('b c.pdf');
    expect(fileNameOf('https://x.example.com/a', "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf")).toBe('résumé.pdf');
  });
});
