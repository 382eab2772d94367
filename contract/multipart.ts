/**
 * multipart/form-data bodies (RFC 7578) as the contract checker and the sandbox read them: text parts as strings,
 * file parts as `{ filename, contentType, size, content }`; a name sent more than once (a list) as an array.
 * Binary-safe: parts are split on the boundary bytes. Part headers are read as busboy (multer's parser, which
 * HighLevel's NestJS API is taken to use) reads them by default: bytes as latin1, quoted-string values with their
 * backslash escapes, `filename*` (RFC 8187) over `filename`; a header busboy would misread is an error here.
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
      const head = part.subarray(0, split).toString('latin1');
      const content = part.subarray(split + 4);
      const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1];
      if (disposition === undefined) throw new Error('Multipart part without a Content-Disposition header');
      const params = dispositionParams(disposition);
      const name = params.name;
      const filename = params['filename*'] !== undefined ? extValue(params['filename*']) : params.filename;
      const type = /^content-type:\s*([^\r\n]+)/im.exec(head)?.[1]?.trim();
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

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;

/**
 * The parameters of a `form-data; name="…"; filename="…"` Content-Disposition value, names lower-cased; a
 * quoted-string's `\x` read as `x` (RFC 9110 §5.6.4, as busboy reads it). Throws an Error when the value is not
 * `form-data` followed by `; name=value` pairs (an unterminated quoted-string, a stray character), where a parser
 * would lose or misread the part.
 */
export function dispositionParams(value: string): Record<string, string> {
  const bad = (why: string) => new Error(`Multipart part with a malformed Content-Disposition (${why}): ${value.trim().slice(0, 120)}`);
  let rest = value.trim();
  if (!/^form-data\b/i.test(rest)) throw bad('not form-data');
  rest = rest.slice('form-data'.length);
  const params: Record<string, string> = Object.create(null);
  while ((rest = rest.replace(/^[ \t]+/, ''))) {
    if (rest[0] !== ';') throw bad(`unexpected "${rest[0]}"`);
    rest = rest.slice(1).replace(/^[ \t]+/, '');
    const key = TOKEN.exec(rest)?.[0];
    if (!key) throw bad('a parameter without a name');
    rest = rest.slice(key.length).replace(/^[ \t]+/, '');
    if (rest[0] !== '=') throw bad(`parameter ${key} without a value`);
    rest = rest.slice(1).replace(/^[ \t]+/, '');
    let v = '';
    if (rest[0] === '"') {
      let i = 1;
      for (; i < rest.length && rest[i] !== '"'; i++) {
        if (rest[i] === '\\') i++;
        if (i < rest.length) v += rest[i];
      }
      if (i >= rest.length) throw bad(`parameter ${key}: unterminated quoted string (a "\\" before its closing quote escapes it)`);
      rest = rest.slice(i + 1);
    } else {
      v = TOKEN.exec(rest)?.[0] ?? '';
      if (!v) throw bad(`parameter ${key} without a value`);
      rest = rest.slice(v.length);
    }
    const lower = key.toLowerCase();
    if (lower in params) throw bad(`parameter ${key} given twice`);
    params[lower] = v;
  }
  return params;
}

/** An RFC 8187 ext-value (`UTF-8''caf%C3%A9.txt`) decoded; throws an Error for another charset or a bad escape. */
export function extValue(value: string): string {
  const m = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!m || m[1].toLowerCase() !== 'utf-8')
    throw new Error(`Multipart filename* must be UTF-8''<percent-encoded> (got ${value.slice(0, 80)})`);
  if (/[^!#$&+\-.^_`|~0-9A-Za-z%]/.test(m[2]))
    throw new Error(`Multipart filename* has a character RFC 8187 does not allow: ${value.slice(0, 80)}`);
  try {
    return decodeURIComponent(m[2]);
  } catch {
    throw new Error(`Multipart filename* has a malformed %-escape: ${value.slice(0, 80)}`);
  }
}
