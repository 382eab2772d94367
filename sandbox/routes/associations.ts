import { newId, Rec, SandboxState } from '../state';
import { assertLocation, created, fail, ok, page, recordOf, Route, RouteRequest, storeFor } from './route';

// Associations (typed links between object kinds) and relations (one link between two records), in this module's
// own store. Seeded: the system contact ↔ business association HighLevel defines for every location.

const store = storeFor((state: SandboxState) => {
  const associations = new Map<string, Rec>();
  const seeded = {
    id: newId(),
    locationId: state.locationId,
    key: 'contact_business',
    firstObjectLabel: 'Contact',
    firstObjectKey: 'contact',
    secondObjectLabel: 'Business',
    secondObjectKey: 'business',
    associationType: 'SYSTEM_DEFINED',
  };
  associations.set(seeded.id, seeded);
  return { associations, relations: new Map<string, Rec>() };
});

const associationOf = (req: RouteRequest, state: SandboxState, id: string) => recordOf(req, store(state).associations, id, 'Association');

const byKey = (req: RouteRequest, state: SandboxState, test: (a: Rec) => boolean): Rec =>
  [...store(state).associations.values()].find((a) => a.locationId === req.locationId && test(a)) ?? fail(404, 'Association not found');

export const associationRoutes: Route[] = [
  {
    method: 'GET',
    path: '/associations/',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const all = [...store(state).associations.values()].filter((a) => a.locationId === req.locationId);
      return ok({ associations: page(all, req.query, 10), total: all.length });
    },
  },
  {
    method: 'GET',
    path: '/associations/{associationId}',
    handle: (req, state) => ok(associationOf(req, state, req.params.associationId)),
  },
  {
    method: 'GET',
    path: '/associations/key/{key_name}',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      return ok(byKey(req, state, (a) => a.key === req.params.key_name));
    },
  },
  {
    // The spec answers one association: the first that involves the object.
    method: 'GET',
    path: '/associations/objectKey/{objectKey}',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const key = req.params.objectKey;
      return ok(byKey(req, state, (a) => a.firstObjectKey === key || a.secondObjectKey === key));
    },
  },
  {
    method: 'POST',
    path: '/associations/',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const { key, firstObjectLabel, firstObjectKey, secondObjectLabel, secondObjectKey } = req.body;
      if ([...store(state).associations.values()].some((a) => a.locationId === req.locationId && a.key === key))
        fail(400, `Association with key ${key} already exists`);
      const association = {
        id: newId(),
        locationId: req.locationId,
        key,
        firstObjectLabel,
        firstObjectKey,
        secondObjectLabel,
        secondObjectKey,
        associationType: 'USER_DEFINED',
      };
      store(state).associations.set(association.id, association);
      return created(association);
    },
  },
  {
    method: 'PUT',
    path: '/associations/{associationId}',
    handle(req, state) {
      const association = associationOf(req, state, req.params.associationId);
      if (association.associationType === 'SYSTEM_DEFINED') fail(400, 'System defined associations cannot be updated');
      Object.assign(association, { firstObjectLabel: req.body.firstObjectLabel, secondObjectLabel: req.body.secondObjectLabel });
      return ok(association);
    },
  },
  {
    // Deleting an association deletes its relations.
    method: 'DELETE',
    path: '/associations/{associationId}',
    handle(req, state) {
      const association = associationOf(req, state, req.params.associationId);
      if (association.associationType === 'SYSTEM_DEFINED') fail(400, 'System defined associations cannot be deleted');
      const { associations, relations } = store(state);
      associations.delete(association.id);
      for (const [id, r] of relations) if (r.associationId === association.id) relations.delete(id);
      return ok({ deleted: true, id: association.id, message: 'Association deleted successfully' });
    },
  },
  {
    method: 'GET',
    path: '/associations/relations/{recordId}',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const id = req.params.recordId;
      const all = [...store(state).relations.values()].filter(
        (r) =>
          r.locationId === req.locationId &&
          (r.firstRecordId === id || r.secondRecordId === id) &&
          (!req.query.associationIds || r.associationId === req.query.associationIds),
      );
      return ok({ relations: page(all, req.query, 10), total: all.length });
    },
  },
  {
    method: 'POST',
    path: '/associations/relations',
    handle(req, state) {
      assertLocation(req, req.body.locationId);
      const association = associationOf(req, state, req.body.associationId);
      const { firstRecordId, secondRecordId } = req.body;
      const relation = { id: newId(), associationId: association.id, firstRecordId, secondRecordId, locationId: req.locationId };
      store(state).relations.set(relation.id, relation);
      return created(relation);
    },
  },
  {
    method: 'DELETE',
    path: '/associations/relations/{relationId}',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const relation = recordOf(req, store(state).relations, req.params.relationId, 'Relation');
      store(state).relations.delete(relation.id);
      return ok(relation);
    },
  },
];
