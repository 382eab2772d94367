import { MAX_UPLOAD_BYTES, mediasApi, multipartBody } from '../src/api/medias';
import { downloadFile } from '../src/download';
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
    const file = await downloadFile(ctx.z, input.file, 'Upload File', {
      bytes: MAX_UPLOAD_BYTES,
      says: "HighLevel's media library takes files up to 25 MB",
    });
    const name = input.name ?? file.name;
    const { content, contentType } = file;
    const rawBody = multipartBody({ name, ...(input.parentId ? { parentId: input.parentId } : {}) }, { name, contentType, content });
    const data = await ctx.call(mediasApi.uploadFile, { rawBody });
    return { id: data?.fileId, fileId: data?.fileId, url: data?.url, name, size: content.length, contentType };
  },
  sample: uploadedFileSample,
  sampleAnswer: { fileId: uploadedFileSample.fileId, url: uploadedFileSample.url },
  outputFields: uploadedFileOutputFields,
});
