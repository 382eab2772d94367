import { fileNameOf, MAX_UPLOAD_BYTES, mediasApi, multipartBody } from '../src/api/medias';
import { createAction } from '../src/factories/create';
import { mediaFolderField, uploadedFileOutputFields, uploadedFileSample } from '../src/fields/media';
import * as v from '../src/fields/values';

/**
 * Upload File: the file a previous step produced (a Zapier file, or any public URL) is downloaded and uploaded
 * into the location's media library as multipart/form-data, so HighLevel keeps its own copy (a link that
 * expires later, as Zapier's file links do, would break).
 */
export const uploadFile = createAction({
  key: 'upload_file',
  noun: 'File',
  label: 'Upload File to Media Library',
  description: "Uploads a file (from an earlier step, or a URL) into the location's media library and returns its HighLevel URL.",
  endpoint: mediasApi.uploadFile,
  fields: [
    {
      key: 'file',
      label: 'File',
      helpText: 'The file to upload: map a file from an earlier step, or enter a public URL. At most 25 MB.',
      schema: v.url(),
      type: 'file',
      required: true,
    },
    {
      key: 'name',
      label: 'File Name',
      helpText: 'The name in the media library, e.g. quote-1019.pdf. Default: the original file name.',
      schema: v.text(255),
    },
    mediaFolderField,
  ],
  perform: async (input, ctx) => {
    let response: any;
    try {
      response = await ctx.z.request({ url: input.file, method: 'GET', raw: true, skipThrowForStatus: true } as any);
    } catch (error) {
      throw new ctx.z.errors.Error(
        `Upload File: could not download the file (${(error as { code?: string }).code ?? 'network error'}). Check that the URL is public.`,
        'FileDownloadFailed',
        400,
      );
    }
    if (response.status >= 400) {
      throw new ctx.z.errors.Error(
        `Upload File: downloading the file failed with status ${response.status}. Check that the URL is public and still valid.`,
        'FileDownloadFailed',
        400,
      );
    }
    const header = (name: string): string | null => (typeof response.headers?.get === 'function' ? response.headers.get(name) : null);
    const declared = Number(header('content-length'));
    if (declared > MAX_UPLOAD_BYTES) throw tooLarge(ctx, declared);
    const content: Buffer = Buffer.from(await response.arrayBuffer());
    if (content.length > MAX_UPLOAD_BYTES) throw tooLarge(ctx, content.length);
    const name = input.name ?? fileNameOf(input.file, header('content-disposition')) ?? 'file';
    const contentType = (header('content-type') ?? 'application/octet-stream').split(';')[0].trim() || 'application/octet-stream';
    const rawBody = multipartBody({ name, ...(input.parentId ? { parentId: input.parentId } : {}) }, { name, contentType, content });
    const data = await ctx.call(mediasApi.uploadFile, { rawBody });
    return { id: data?.fileId, fileId: data?.fileId, url: data?.url, name, size: content.length, contentType };
  },
  sample: uploadedFileSample,
  sampleAnswer: { fileId: uploadedFileSample.fileId, url: uploadedFileSample.url },
  outputFields: uploadedFileOutputFields,
});

function tooLarge(ctx: { z: { errors: { Error: new (message: string, code: string, status: number) => Error } } }, bytes: number): Error {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return new ctx.z.errors.Error(
    `Upload File: the file is ${mb} MB; HighLevel's media library takes files up to 25 MB.`,
    'FileTooLarge',
    400,
  );
}
