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

/** Quotes a part or file name for a Content-Disposition parameter (`"` escaped, line breaks dropped). */
const quote = (s: string) => s.replace(/["\r\n]/g, (c) => (c === '"' ? '%22' : ' '));

/** The body and its Content-Type (with the boundary) for `parts`, in order. */
export function multipartForm(parts: FormPart[]): { content: Buffer; contentType: string } {
  const boundary = `----ghlZapier${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('file' in part) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"; filename="${quote(part.file.name)}"\r\n` +
            `Content-Type: ${part.file.contentType}\r\n\r\n`,
        ),
        part.file.content,
        Buffer.from('\r\n'),
      );
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"\r\n\r\n${part.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { content: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
