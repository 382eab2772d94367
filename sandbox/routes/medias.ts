import { newId, Rec, SandboxState } from '../state';
import { assertLocation, fail, ok, Route, storeFor } from './route';

// The media library (medias.json): files and folders in this module's own store. Uploads come as multipart
// (sandbox/server.ts parses them); the library keeps the name, type and size. Seeded: one folder.

const MAX_BYTES = 25 * 1024 * 1024;

const store = storeFor((state: SandboxState) => {
  const at = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000).toISOString();
  const folder = {
    _id: newId(24).toLowerCase(),
    altId: state.locationId,
    altType: 'location',
    name: 'Manuals',
    type: 'folder',
    createdAt: at,
    updatedAt: at,
  };
  return new Map<string, Rec>([[folder._id, folder]]);
});

export const mediaRoutes: Route[] = [
  {
    method: 'GET',
    path: '/medias/files',
    handle(req, state) {
      if (req.query.altType !== 'location') fail(422, 'altType must be one of the following values: location');
      assertLocation(req, req.query.altId);
      const { type, query, parentId } = req.query;
      const sign = req.query.sortOrder === 'asc' ? 1 : -1;
      const items = [...store(state).values()]
        .filter((f) => f.altId === req.locationId && f.type === type)
        .filter((f) => !parentId || f.parentId === parentId)
        .filter((f) => !query || f.name.toLowerCase().includes(query.toLowerCase()))
        .sort((a, b) => sign * a.createdAt.localeCompare(b.createdAt));
      const offset = Number(req.query.offset) || 0;
      return ok({ files: items.slice(offset, offset + (Number(req.query.limit) || 10)) });
    },
  },
  {
    method: 'POST',
    path: '/medias/upload-file',
    handle(req, state) {
      const file = req.body?.file as Rec | undefined;
      if (!file || typeof file !== 'object' || typeof file.size !== 'number') fail(400, 'file is required when hosted is not true');
      if (file.size > MAX_BYTES) fail(413, 'File too large: the maximum is 25 MB');
      const parentId = req.body.parentId as string | undefined;
      if (parentId && store(state).get(parentId)?.type !== 'folder') fail(400, `Folder ${parentId} not found`);
      const now = state.now();
      const id = newId(24).toLowerCase();
      const name = String(req.body.name ?? file.filename);
      const path = `${req.locationId}/media/${id}-${encodeURIComponent(name)}`;
      const record = {
        _id: id,
        altId: req.locationId,
        altType: 'location',
        name,
        type: 'file',
        contentType: file.contentType,
        size: file.size,
        parentId,
        path,
        url: `https://storage.sandbox.example.com/${path}`,
        createdAt: now,
        updatedAt: now,
      };
      store(state).set(id, record);
      return ok({ fileId: id, url: record.url });
    },
  },
];
