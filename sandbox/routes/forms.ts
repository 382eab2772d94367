import { newId, Rec, SandboxState } from '../state';
import { assertLocation, fail, ok, page, Route, RouteRequest, storeFor } from './route';

// Forms and surveys with their submissions, in this module's own store. HighLevel has no API that submits a form,
// so tests and the bench add submissions with `addSubmission`. Seeded: two forms, one survey, two submissions.

export type SubmissionKind = 'form' | 'survey';

const DAY_MS = 24 * 60 * 60 * 1000;

const store = storeFor((state: SandboxState) => {
  const loc = state.locationId;
  const forms = [
    { id: newId(), name: 'Get a Quote', locationId: loc },
    { id: newId(), name: 'Contact Us', locationId: loc },
  ];
  const surveys = [{ id: newId(), name: 'Project Intake', locationId: loc }];
  const s = { forms, surveys, submissions: { form: [] as Rec[], survey: [] as Rec[] } };
  const custom = state.customFieldsOf(loc)[0];
  const at = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
  s.submissions.form.push(
    submission('form', forms[0].id, loc, at(1), 'Rosa', 'Delgado', 'rosa@example.com', custom ? { [custom.id]: 'Kitchen remodel' } : {}),
  );
  s.submissions.survey.push(submission('survey', surveys[0].id, loc, at(3), 'Sam', 'Rivera', 'sam@example.com', {}));
  return s;
});

function submission(
  kind: SubmissionKind,
  parentId: string,
  locationId: string,
  createdAt: string,
  first: string,
  last: string,
  email: string,
  extra: Rec,
): Rec {
  const answers = { first_name: first, last_name: last, email, ...extra };
  return {
    id: newId(24),
    contactId: newId(),
    createdAt,
    [kind === 'form' ? 'formId' : 'surveyId']: parentId,
    name: `${first} ${last}`,
    email,
    locationId,
    others: {
      ...answers,
      fieldsOriSequance: Object.keys(answers),
      eventData: {
        source: 'Direct traffic',
        medium: kind,
        page: { url: 'https://sandbox-plumbing.example.com/quote', title: 'Get a Quote' },
      },
    },
  };
}

/** The location's forms or surveys (seeded), e.g. for tests to pick one. */
export function parentsOf(state: SandboxState, kind: SubmissionKind): Rec[] {
  return kind === 'form' ? store(state).forms : store(state).surveys;
}

/** Records a submission of the form or survey now (what a person filling it in does), and returns it. */
export function addSubmission(
  state: SandboxState,
  kind: SubmissionKind,
  parentId: string,
  answers: { first: string; last: string; email: string; extra?: Rec },
): Rec {
  const record = submission(kind, parentId, state.locationId, state.now(), answers.first, answers.last, answers.email, answers.extra ?? {});
  store(state).submissions[kind].push(record);
  return record;
}

const strip = ({ locationId: _l, ...rest }: Rec) => rest;

function submissionsRoute(kind: SubmissionKind): Route {
  return {
    method: 'GET',
    path: `/${kind}s/submissions`,
    handle(req: RouteRequest, state: SandboxState) {
      assertLocation(req, req.query.locationId);
      const { startAt, endAt, q } = req.query;
      for (const [name, value] of Object.entries({ startAt, endAt })) {
        if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(422, `${name} must be a date (YYYY-MM-DD)`);
      }
      const limit = Number(req.query.limit ?? 20);
      if (!(limit >= 1 && limit <= 100)) fail(422, 'limit must not be greater than 100');
      // HighLevel's defaults (the spec's descriptions): from the same date last month to today.
      const from = startAt ?? new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10);
      const to = endAt ?? new Date().toISOString().slice(0, 10);
      const parentKey = kind === 'form' ? 'formId' : 'surveyId';
      const needle = q?.toLowerCase();
      const matches = store(state)
        .submissions[kind].filter((s) => s.locationId === req.locationId)
        .filter((s) => !req.query[parentKey] || s[parentKey] === req.query[parentKey])
        .filter((s) => s.createdAt.slice(0, 10) >= from && s.createdAt.slice(0, 10) <= to)
        .filter(
          (s) =>
            !needle ||
            s.contactId.toLowerCase() === needle ||
            [s.name, s.email, s.others.phone].some((v) =>
              String(v ?? '')
                .toLowerCase()
                .includes(needle),
            ),
        )
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
      const current = Math.max(Number(req.query.page ?? 1) || 1, 1);
      const items = matches.slice((current - 1) * limit, current * limit);
      const more = current * limit < matches.length;
      return ok({
        submissions: items.map(strip),
        meta: {
          total: matches.length,
          currentPage: current,
          nextPage: more ? current + 1 : null,
          prevPage: current > 1 ? current - 1 : null,
        },
      });
    },
  };
}

export const formRoutes: Route[] = [
  {
    method: 'GET',
    path: '/forms/',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const forms = store(state).forms.filter((f) => f.locationId === req.locationId);
      return ok({ forms: page(forms, req.query, 10), total: forms.length });
    },
  },
  {
    method: 'GET',
    path: '/surveys/',
    handle(req, state) {
      assertLocation(req, req.query.locationId);
      const surveys = store(state).surveys.filter((f) => f.locationId === req.locationId);
      return ok({ surveys: page(surveys, req.query, 10), total: surveys.length });
    },
  },
  submissionsRoute('form'),
  submissionsRoute('survey'),
];
