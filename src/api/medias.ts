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

/**
 * A file's name from a file host's Content-Disposition header (`filename*`, RFC 8187, in UTF-8 or ISO-8859-1, over
 * `filename`, whose quoted-string escapes are read), else from the URL's last path segment (%-decoded); undefined
 * when neither gives one. Lenient: a header it cannot read falls back to the URL.
 */
export function fileNameOf(url: string, disposition: string | null | undefined): string | undefined {
  const params = headerParams(disposition ?? '');
  const star = params.get('filename*');
  const fromHeader = ((star !== undefined ? extValue(star) : undefined) ?? params.get('filename'))?.trim();
  if (fromHeader) return fromHeader;
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? safeDecode(last) : undefined;
  } catch {
    return undefined;
  }
}

/** A header's `; key=value` parameters (keys lower-cased; quoted values unescaped: `\x` is `x`). */
function headerParams(header: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const m of header.matchAll(/;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g)) {
    const key = m[1].toLowerCase();
    if (!params.has(key)) params.set(key, m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3].trim().replace(/^"|"$/g, ''));
  }
  return params;
}

/** An RFC 8187 ext-value (`UTF-8'en'caf%C3%A9.pdf`) decoded; a bare %-encoded value is taken as UTF-8. */
function extValue(value: string): string | undefined {
  const m = /^([^']*)'[^']*'(.*)$/.exec(value.trim());
  if (!m) return safeDecode(value.trim());
  const charset = m[1].toLowerCase();
  if (charset !== 'utf-8' && charset !== 'iso-8859-1') return undefined;
  const bytes = Buffer.from(
    m[2].replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
  return bytes.toString(charset === 'utf-8' ? 'utf8' : 'latin1');
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
