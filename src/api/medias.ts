import type { Context, Item } from '../factories/operation';
import { altOf } from './invoices';
import { endpoint } from './endpoint';
import { FormPart, multipartForm } from '../multipart';

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

/** A multipart/form-data body (RFC 7578): text fields, then the file in the part `file` (src/multipart.ts). */
export function multipartBody(
  fields: Record<string, string | undefined>,
  file: { name: string; contentType: string; content: Buffer },
): { content: Buffer; contentType: string } {
  const parts: FormPart[] = Object.entries(fields)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ({ name, value }));
  return multipartForm([...parts, { name: 'file', file }]);
}
