import { newId, pick } from '../state';
import { contactOf, created, ok, Route } from './route';

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
      const note = { id: newId(), ...pick(req.body, ['body', 'userId', 'title', 'color', 'pinned']), contactId: contact.id, dateAdded: state.now() };
      state.notes.set(note.id, note);
      return created({ note });
    },
  },
];
