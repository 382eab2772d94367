import type { ZObject } from 'zapier-platform-core';
import { fileNameOf } from './api/medias';
import { clientLimits } from './client';
import type { FileContent } from './multipart';

/** The most bytes a download may bring (`bytes`), and the sentence that tells the user so (`says`). */
export interface DownloadLimit {
  bytes: number;
  says: string;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/**
 * Downloads the file a step was given (a Zapier file field hands the app a URL: a file from an earlier step, or
 * any public URL) for an upload. `what` starts every error (e.g. "Upload File"); `limit.bytes` is refused before
 * reading (by Content-Length) and while reading: the download is aborted as soon as the bytes read pass it, so a
 * file host that sends no Content-Length (chunked) never makes the step hold more than the limit.
 * A file host that does not finish sending within `clientLimits.timeoutMs` (25 s) is cut off, before Zapier's own
 * step timeout would hide why.
 * Returns the bytes, the name (Content-Disposition, else the last segment of the URL the file came from after
 * redirects, else "file") and the media type (application/octet-stream when none is given).
 * Throws FileDownloadFailed (400; also when the host was too slow) or FileTooLarge (400; the message gives the limit in MB).
 */
export async function downloadFile(z: ZObject, url: string, what: string, limit: DownloadLimit): Promise<FileContent> {
  const failed = (why: string) => new z.errors.Error(`${what}: ${why}`, 'FileDownloadFailed', 400);
  // Aborting closes the connection (node-fetch aborts the request): the host stops sending, nothing more is read.
  const controller = new AbortController();
  let slow = false;
  const timer = setTimeout(() => ((slow = true), controller.abort()), clientLimits.timeoutMs);
  const tooSlow = () =>
    failed(
      `the file host did not send the file within ${Math.round(clientLimits.timeoutMs / 100) / 10} s. Try again, or use a faster host.`,
    );
  try {
    return await download(z, url, what, limit, controller, failed);
  } catch (error) {
    throw slow ? tooSlow() : error;
  } finally {
    clearTimeout(timer);
  }
}

async function download(
  z: ZObject,
  url: string,
  what: string,
  limit: DownloadLimit,
  controller: AbortController,
  failed: (why: string) => Error,
): Promise<FileContent> {
  let response: any;
  try {
    response = await z.request({ url, method: 'GET', raw: true, skipThrowForStatus: true, signal: controller.signal } as any);
  } catch (error) {
    throw failed(`could not download the file (${(error as { code?: string }).code ?? 'network error'}). Check that the URL is public.`);
  }
  if (response.status >= 400) {
    controller.abort();
    throw failed(`downloading the file failed with status ${response.status}. Check that the URL is public and still valid.`);
  }
  const header = (name: string): string | null => (typeof response.headers?.get === 'function' ? response.headers.get(name) : null);
  const declared = Number(header('content-length') ?? NaN);
  if (declared > limit.bytes) {
    controller.abort();
    throw new z.errors.Error(`${what}: the file is ${mb(declared)} MB; ${limit.says}.`, 'FileTooLarge', 400);
  }
  let content: Buffer | undefined;
  try {
    content = await bodyUpTo(response.body, Number.isFinite(declared) ? declared : 0, limit.bytes, () => controller.abort());
  } catch (error) {
    throw failed(`the download broke off (${(error as { code?: string }).code ?? 'network error'}). Try again.`);
  }
  if (!content) throw new z.errors.Error(`${what}: the file is over ${mb(limit.bytes)} MB; ${limit.says}.`, 'FileTooLarge', 400);
  const contentType = (header('content-type') ?? 'application/octet-stream').split(';')[0].trim() || 'application/octet-stream';
  // After redirects the name comes from the URL that served the file, not the one the step was given.
  const finalUrl = typeof response.url === 'string' && response.url ? response.url : url;
  return { name: fileNameOf(finalUrl, header('content-disposition')) ?? 'file', contentType, content };
}

/**
 * A response body's bytes, or undefined as soon as more than `max` arrive (then `abort` is called and nothing
 * more is read). With a declared length (`expected` > 0, at most `max`) the bytes are copied into one buffer of
 * that size as they arrive, so the whole body is never held twice; otherwise the chunks are joined at the end.
 * Rejects with the stream's error when the download breaks off.
 */
function bodyUpTo(body: NodeJS.ReadableStream | null, expected: number, max: number, abort: () => void): Promise<Buffer | undefined> {
  if (!body) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    let into = expected > 0 && expected <= max ? Buffer.allocUnsafe(expected) : undefined;
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    body.on('data', (chunk: Buffer) => {
      if (settled) return;
      if (total + chunk.length > max) {
        settled = true;
        resolve(undefined);
        abort();
        return;
      }
      if (into && total + chunk.length <= into.length) chunk.copy(into, total);
      else {
        // More than declared (e.g. a compressed body, decoded): keep what was copied and go on in chunks.
        if (into) chunks.push(into.subarray(0, total));
        into = undefined;
        chunks.push(chunk);
      }
      total += chunk.length;
    });
    body.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(into ? into.subarray(0, total) : Buffer.concat(chunks, total));
    });
    // Stays attached after an abort: node-fetch reports the abort as an 'error' on the body.
    body.on('error', (error) => {
      if (settled) return;
      settled = true;
      reject(error);
    });
  });
}
