/**
 * multipart/form-data bodies (RFC 7578) as the contract checker and the sandbox read them: text parts as strings,
 * file parts as `{ filename, contentType, size, content }`; a name sent more than once (a list) as an array.
 * Binary-safe: parts are split on the boundary bytes.
 */

export interface FilePart {
  filename: string;
  contentType: string;
  size: number;
  content: Buffer;
}

export type FormValue = string | FilePart;

/** A part parsed as a file (it had a `filename`). */
export const isFilePart = (v: unknown): v is FilePart =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  typeof (v as FilePart).filename === 'string' &&
  Buffer.isBuffer((v as FilePart).content);

/** The boundary of a `multipart/form-data; boundary=…` Content-Type, or undefined. */
export function boundaryOf(contentType: string): string | undefined {
  if (!/^\s*multipart\/form-data\s*;/i.test(contentType)) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * The parts of a multipart body by name. Throws an Error (the sandbox answers it as a 400) when the Content-Type
 * has no boundary or the body has no closing delimiter.
 */
export function parseMultipart(body: Buffer, contentType: string): Record<string, FormValue | FormValue[]> {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new Error('Multipart body without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Record<string, FormValue | FormValue[]> = {};
  let start = body.indexOf(delimiter);
  let closed = false;
  while (start >= 0) {
    if (body.subarray(start + delimiter.length, start + delimiter.length + 2).toString() === '--') {
      closed = true;
      break;
    }
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // after CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0) {
      const head = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4);
      const name = /;\s*name="([^"]*)"/i.exec(head)?.[1];
      const filename = /filename="([^"]*)"/i.exec(head)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim();
      if (name !== undefined) {
        const value: FormValue =
          filename !== undefined
            ? { filename, contentType: type ?? 'application/octet-stream', size: content.length, content: Buffer.from(content) }
            : content.toString('utf8');
        const had = fields[name];
        fields[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
      }
    }
    start = next;
  }
  if (!closed) throw new Error('Multipart body without its closing boundary');
  return fields;
}
