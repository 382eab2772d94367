import { newId, pick, Rec, SandboxState } from '../state';
import { contactOf, created, fail, ok, Route, RouteRequest } from './route';

const EDITABLE = ['body', 'userId', 'title', 'color', 'pinned'];

/** The contact's note with the path's `id`; notes of other contacts do not exist for it. */
function noteOf(req: RouteRequest, state: SandboxState): Rec {
  const contact = contactOf(req, state, req.params.contactId);
  const note = state.notes.get(req.params.id);
  if (!note || note.contactId !== contact.id) fail(404, 'Note not found');
  return note;
}

export const noteRoutes: Route[] = [
  {
    // In the order they were added, as stored: the New Note trigger sorts them itself.
    method: 'GET',
    path: '/contacts/{contactId}/notes',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      return ok({ notes: [...state.notes.values()].filter((n) => n.contactId === contact.id) });
    },
  },
  {
    method: 'POST',
    path: '/contacts/{contactId}/notes',
    handle(req, state) {
      const contact = contactOf(req, state, req.params.contactId);
      const note = { id: newId(), ...pick(req.body, EDITABLE), contactId: contact.id, dateAdded: state.now() };
      state.notes.set(note.id, note);
      return created({ note });
    },
  },
  {
    method: 'GET',
    path: '/contacts/{contactId}/notes/{id}',
    handle: (req, state) => ok({ note: noteOf(req, state) }),
  },
  {
    // Only the fields sent change; dateAdded stays (notes have no change date in HighLevel's schema).
    method: 'PUT',
    path: '/contacts/{contactId}/notes/{id}',
    handle(req, state) {
      const note = { ...noteOf(req, state), ...pick(req.body, EDITABLE) };
      state.notes.set(note.id, note);
      return ok({ note });
    },
  },
  {
    method: 'DELETE',
    path: '/contacts/{contactId}/notes/{id}',
    handle(req, state) {
      state.notes.delete(noteOf(req, state).id);
      return ok({ succeded: true });
    },
  },
];
