import * as http from 'http';
import { AddressInfo } from 'net';
import { sandboxApp } from './support';

// End to end: a file served on loopback (as an earlier step's file would be) uploaded into the sandbox's media
// library as multipart, then found.

const app = sandboxApp();
type Item = Record<string, any>;

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 255, 1, 254, 13, 10, 13, 10]), Buffer.from('\n%%EOF')]);
let files: http.Server;
let base = '';

beforeAll(async () => {
  files = http.createServer((req, res) => {
    if (req.url === '/docs/boiler%20manual.pdf') {
      res.writeHead(200, { 'Content-Type': 'application/pdf', 'Content-Length': String(pdf.length) });
      res.end(pdf);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => files.close(() => resolve())));

describe('media library in the sandbox', () => {
  it('upload a file from a URL (binary intact, name from the URL) into a folder → Find Files', async () => {
    const [folder] = await app.run('media_folder_list');
    expect(folder.name).toBe('Manuals');
    const uploaded = await app.run('upload_file', { file: `${base}/docs/boiler%20manual.pdf`, parentId: folder.id });
    expect(uploaded).toMatchObject({
      name: 'boiler manual.pdf',
      size: pdf.length,
      contentType: 'application/pdf',
      url: expect.stringMatching(/^https:\/\//),
    });

    const found: Item[] = await app.run('find_file', { query: 'boiler' });
    expect(found).toEqual([expect.objectContaining({ id: uploaded.id, name: 'boiler manual.pdf', size: pdf.length, parentId: folder.id })]);
    expect(await app.run('find_file', { query: 'boiler', parentId: 'otherfolder1' })).toEqual([]);

    const renamed = await app.run('upload_file', { file: `${base}/docs/boiler%20manual.pdf`, name: 'manual-v2.pdf' });
    expect(renamed.name).toBe('manual-v2.pdf');
    await expect(app.run('upload_file', { file: `${base}/missing.pdf` })).rejects.toThrow(/downloading the file failed with status 404/);
  });
});
