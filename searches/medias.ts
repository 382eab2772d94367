import { listMedia, mediasApi } from '../src/api/medias';
import { matchByName } from '../src/factories/nameSearch';
import { searchAction } from '../src/factories/search';
import { mediaFileOutputFields, mediaFileSample, mediaFolderField } from '../src/fields/media';
import * as v from '../src/fields/values';

const { id: _id, ...fileRecord } = mediaFileSample;

/** A folder as `GET /medias/files?type=folder` lists it (the dropdown's sample, triggers/medias.ts). */
const folderSample = {
  id: '64af50c42d567a3b4f5989e0',
  _id: '64af50c42d567a3b4f5989e0',
  altId: 've9EPM428h8vShlRW1KT',
  altType: 'location',
  name: 'Manuals',
  type: 'folder',
};
const { id: _folderId, ...folderRecord } = folderSample;

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

/** Find Media Folder, for the folder dropdown: HighLevel's text search of folder names, exact names first. */
export const findMediaFolder = searchAction({
  key: 'find_media_folder',
  noun: 'Folder',
  label: 'Find Media Folder',
  description: "Finds a folder of the location's media library by its name.",
  endpoint: mediasApi.listFiles,
  fields: [
    {
      key: 'name',
      label: 'Folder Name',
      helpText: 'The folder\'s name, e.g. "Manuals". Case does not matter; an exact name wins over names that merely contain the text.',
      schema: v.text(200),
      required: true,
    },
  ],
  perform: async (input, ctx) => matchByName(await listMedia(ctx, 'folder', { query: input.name }), input.name),
  sample: folderSample,
  sampleAnswer: { files: [folderRecord] },
  outputFields: [
    { key: 'id', label: 'Folder ID' },
    { key: 'name', label: 'Folder Name' },
  ],
});
