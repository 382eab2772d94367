import type { ZObject } from 'zapier-platform-core';
import { fileNameOf } from './api/medias';
import type { FileContent } from './multipart';

/**
 * Downloads the file a step was given (a Zapier file field hands the app a URL: a file from an earlier step, or
 * any public URL) for an upload. `what` starts every error (e.g. "Upload File"); `limit.bytes` is refused before
 * and after reading (by Content-Length, then by size), with `limit.says` telling the user the limit.
 * Returns the bytes, the name (Content-Disposition, else the URL's last segment, else "file") and the media type
 * (application/octet-stream when none is given). Throws FileDownloadFailed (400) or FileTooLarge (400).
 */
export async function downloadFile(z: ZObject, url: string, what: string, limit: { bytes: number; says: string }): Promise<FileContent> {
  let response: any;
  try {
    response = await z.request({ url, method: 'GET', raw: true, skipThrowForStatus: true } as any);
  } catch (error) {
    throw new z.errors.Error(
      `${what}: could not download the file (${(error as { code?: string }).code ?? 'network error'}). Check that the URL is public.`,
      'FileDownloadFailed',
      400,
    );
  }
  if (response.status >= 400) {
    throw new z.errors.Error(
      `${what}: downloading the file failed with status ${response.status}. Check that the URL is public and still valid.`,
      'FileDownloadFailed',
      400,
    );
  }
  const header = (name: string): string | null => (typeof response.headers?.get === 'function' ? response.headers.get(name) : null);
  const tooLarge = (bytes: number) =>
    new z.errors.Error(`${what}: the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; ${limit.says}.`, 'FileTooLarge', 400);
  const declared = Number(header('content-length'));
  if (declared > limit.bytes) throw tooLarge(declared);
  const content: Buffer = Buffer.from(await response.arrayBuffer());
  if (content.length > limit.bytes) throw tooLarge(content.length);
  const contentType = (header('content-type') ?? 'application/octet-stream').split(';')[0].trim() || 'application/octet-stream';
  return { name: fileNameOf(url, header('content-disposition')) ?? 'file', contentType, content };
}
