import { randomBytes } from 'crypto';
import type { Context, Item } from '../factories/operation';
import { altOf } from './invoices';
import { endpoint } from './endpoint';

// The location's media library (medias.json): files and folders, and uploads into it.
export const mediasApi = {
  listFiles: endpoint('medias.json', 'GET /medias/files', { operationId: 'fetch-media-content', scope: 'medias.readonly' }),
  uploadFile: endpoint('medias.json', 'POST /medias/upload-file', { operationId: 'upload-media-content', scope: 'medias.write' }),
};

/** HighLevel's upload limit for a file (the upload-file operation's description: "maximum allowed is 25 MB"). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Files or folders of the library, newest first (`sortBy=createdAt`), one page. */
export async function listMedia(
  ctx: Context,
  type: 'file' | 'folder',
  options: { query?: string; parentId?: string; limit?: number; offset?: number } = {},
): Promise<Item[]> {
  const data = await ctx.call(mediasApi.listFiles, {
    query: {
      ...(await altOf(ctx)),
      type,
      sortBy: 'createdAt',
      sortOrder: 'desc',
      limit: String(options.limit ?? 100),
      offset: String(options.offset ?? 0),
      query: options.query,
      parentId: options.parentId,
    },
  });
  return ((data?.files ?? []) as Item[]).filter((f) => f && typeof f === 'object').map((f) => ({ ...f, id: f._id ?? f.id }));
}

/** A file's name from a Content-Disposition header, else from the URL's last path segment. */
export function fileNameOf(url: string, disposition: string | null | undefined): string | undefined {
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition ?? '')?.[1];
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition ?? '')?.[1];
  const fromHeader = star ? safeDecode(star.trim()) : plain?.trim();
  if (fromHeader) return fromHeader;
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? safeDecode(last) : undefined;
  } catch {
    return undefined;
  }
}

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * A multipart/form-data body (RFC 7578): text fields, then the file. Built as one Buffer, so it needs no
 * form library and the request can be retried as it is.
 */
export function multipartBody(
  fields: Record<string, string | undefined>,
  file: { name: string; contentType: string; content: Buffer },
): { content: Buffer; contentType: string } {
  const boundary = `----ghlZapier${randomBytes(12).toString('hex')}`;
  const quote = (s: string) => s.replace(/["\r\n]/g, (c) => (c === '"' ? '%22' : ' '));
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`));
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quote(file.name)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
    ),
  );
  chunks.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { content: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
