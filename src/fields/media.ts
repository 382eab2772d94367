import { OutputField } from '../factories/operation';
import { FieldDef } from './field';
import * as v from './values';

export const mediaFolderField: FieldDef = {
  key: 'parentId',
  label: 'Folder',
  helpText: 'The media library folder to put the file in. Leave empty for the top level.',
  schema: v.id(),
  dynamic: 'media_folder_list.id.name',
};

/** A file of the media library as HighLevel lists it; `id` repeats `_id`. */
export const mediaFileSample = {
  id: '686f9817f0d3165be9fbcef6',
  _id: '686f9817f0d3165be9fbcef6',
  altId: 've9EPM428h8vShlRW1KT',
  altType: 'location',
  name: 'boiler-manual.pdf',
  type: 'file',
  contentType: 'application/pdf',
  size: 482113,
  parentId: '64af50c42d567a3b4f5989e0',
  url: 'https://storage.googleapis.com/msgsndr/ve9EPM428h8vShlRW1KT/media/686f9817f0d3165be9fbcef6.pdf',
  path: 've9EPM428h8vShlRW1KT/media/686f9817f0d3165be9fbcef6.pdf',
  createdAt: '2026-03-09T10:00:00.000Z',
  updatedAt: '2026-03-09T10:00:00.000Z',
};

export const mediaFileOutputFields: OutputField[] = [
  { key: 'id', label: 'File ID' },
  { key: 'name', label: 'File Name' },
  { key: 'url', label: 'File URL' },
  { key: 'contentType', label: 'Content Type' },
  { key: 'size', label: 'Size (Bytes)', type: 'integer' },
  { key: 'parentId', label: 'Folder ID' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
];

export const uploadedFileSample = {
  id: '686f9817f0d3165be9fbcef6',
  fileId: '686f9817f0d3165be9fbcef6',
  url: mediaFileSample.url,
  name: 'boiler-manual.pdf',
  size: 482113,
  contentType: 'application/pdf',
};

export const uploadedFileOutputFields: OutputField[] = [
  { key: 'id', label: 'File ID' },
  { key: 'url', label: 'File URL' },
  { key: 'name', label: 'File Name' },
  { key: 'size', label: 'Size (Bytes)', type: 'integer' },
  { key: 'contentType', label: 'Content Type' },
];
