import { randomBytes } from 'crypto';

// multipart/form-data bodies (RFC 7578) for HighLevel's uploads, sent through the app's one client as a raw body
// (RequestParts.rawBody). Built as one Buffer: no form library needed, and the request can be retried as it is.

/** A file to send: its name (the part's `filename`), media type and bytes. */
export interface FileContent {
  name: string;
  contentType: string;
  content: Buffer;
}

/** One form part: text, or a file. A name may repeat (a list). */
export type FormPart = { name: string; value: string } | { name: string; file: FileContent };

/**
 * Quotes a part or file name for a Content-Disposition parameter, as browsers do (WHATWG HTML, multipart/form-data
 * encoding: `"` as %22, line breaks as %0D/%0A), and `\` as %5C: a parser that reads quoted-string escapes
 * (busboy, under multer) takes `filename="a\"` as an escaped quote and loses the part.
 */
const quote = (s: string) => s.replace(/["\\\r\n]/g, (c) => ({ '"': '%22', '\\': '%5C', '\r': '%0D', '\n': '%0A' })[c]!);

/**
 * The `filename` parameters of a file part: a file name in US-ASCII as `filename="…"`; any other as an ASCII
 * fallback (accents dropped, other characters as `_`) plus `filename*=UTF-8''<percent-encoded>` (RFC 8187, as
 * RFC 6266 §4.3 gives it for Content-Disposition). RFC 7578 §4.2 says not to send `filename*`, but the raw UTF-8 it
 * suggests instead is read as latin1 by busboy by default (mojibake), while busboy prefers `filename*` when given
 * and a parser that does not know it reads the fallback.
 */
export function filenameParams(name: string): string {
  if (/^[\x20-\x7e]*$/.test(name)) return `filename="${quote(name)}"`;
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');
  // encodeURIComponent leaves !'()* which RFC 8187's attr-char does not allow (' ends the charset part).
  const encoded = encodeURIComponent(name).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `filename="${quote(ascii)}"; filename*=UTF-8''${encoded}`;
}

/** The body and its Content-Type (with the boundary) for `parts`, in order. */
export function multipartForm(parts: FormPart[]): { content: Buffer; contentType: string } {
  const boundary = `----ghlZapier${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  let total = 0;
  const add = (...buffers: Buffer[]) => {
    for (const b of buffers) total += b.length;
    chunks.push(...buffers);
  };
  for (const part of parts) {
    if ('file' in part) {
      add(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"; ${filenameParams(part.file.name)}\r\n` +
            `Content-Type: ${part.file.contentType}\r\n\r\n`,
        ),
        part.file.content,
        Buffer.from('\r\n'),
      );
    } else {
      add(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"\r\n\r\n${part.value}\r\n`));
    }
  }
  add(Buffer.from(`--${boundary}--\r\n`));
  // The one copy of the files' bytes (the download kept one buffer per file): the body goes as one Buffer, so a
  // retry sends it as it is.
  return { content: Buffer.concat(chunks, total), contentType: `multipart/form-data; boundary=${boundary}` };
}
