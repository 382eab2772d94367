import { listMedia, mediasApi } from '../src/api/medias';
import { pollingTrigger } from '../src/factories/trigger';

const PAGE = 50;

export const mediaFolderDropdown = pollingTrigger({
  key: 'media_folder_list',
  noun: 'Folder',
  label: 'List Media Folders',
  description: 'Lists the media library folders for dropdowns.',
  hidden: true,
  endpoint: mediasApi.listFiles,
  fields: [],
  perform: async (_input, ctx) =>
    (await listMedia(ctx, 'folder', { limit: PAGE, offset: ctx.page * PAGE })).map((f) => ({ ...f, name: f.name || f.id })),
  resultKey: 'files',
  sample: { id: '64af50c42d567a3b4f5989e0', name: 'Manuals' },
  sampleAnswer: {
    files: [{ _id: '64af50c42d567a3b4f5989e0', altId: 've9EPM428h8vShlRW1KT', altType: 'location', name: 'Manuals', type: 'folder' }],
  },
  zapier: { canPaginate: true },
});
