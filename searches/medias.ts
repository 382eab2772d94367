import { listMedia, mediasApi } from '../src/api/medias';
import { searchAction } from '../src/factories/search';
import { mediaFileOutputFields, mediaFileSample, mediaFolderField } from '../src/fields/media';
import * as v from '../src/fields/values';

const { id: _id, ...fileRecord } = mediaFileSample;

/** Find Files: HighLevel's own text search of the media library, newest first. */
export const findFile = searchAction({
  key: 'find_file',
  noun: 'File',
  label: 'Find Files',
  description: "Finds files in the location's media library by name, newest first.",
  endpoint: mediasApi.listFiles,
  fields: [
    {
      key: 'query',
      label: 'File Name',
      helpText: 'Text of the file name to look for, e.g. "manual".',
      schema: v.text(200),
      required: true,
    },
    { ...mediaFolderField, helpText: 'Only files in this folder.' },
  ],
  perform: async (input, ctx) => listMedia(ctx, 'file', { query: input.query, parentId: input.parentId }),
  sample: mediaFileSample,
  sampleAnswer: { files: [fileRecord] },
  outputFields: mediaFileOutputFields,
});
