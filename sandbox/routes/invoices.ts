import { newId, Rec, SandboxState } from '../state';
import { assertLocation, created, fail, ok, Route, RouteRequest, storeFor } from './route';

// Invoices and estimates (invoices.json), in this module's own store. The location travels as `altId` (query for
// reads, body for writes) with `altType: location`. Totals are computed from the line items, as HighLevel does.

const store = storeFor(() => ({ invoices: new Map<string, Rec>(), estimates: new Map<string, Rec>(), nextNumber: 1001 }));

function assertAlt(req: RouteRequest, where: Rec | undefined) {
  if (where?.altType !== 'location') fail(422, 'altType must be one of the following values: location');
  assertLocation(req, where.altId);
}

const totalOf = (items: Rec[]) => items.reduce((sum, i) => sum + Number(i.amount) * Number(i.qty ?? 1), 0);
const discounted = (total: number, discount: Rec | undefined) =>
  !discount?.value
    ? total
    : discount.type === 'fixed'
      ? Math.max(total - discount.value, 0)
      : Math.round(total * (100 - discount.value)) / 100;
const withIds = (items: Rec[]) => items.map((i) => ({ _id: newId(24).toLowerCase(), taxes: [], type: 'one_time', ...i }));

function newInvoice(req: RouteRequest, state: SandboxState, body: Rec, status: string): Rec {
  const s = store(state);
  const now = state.now();
  const items = withIds(body.items ?? []);
  const subTotal = totalOf(items);
  const total = discounted(subTotal, body.discount);
  const invoice: Rec = {
    _id: newId(24).toLowerCase(),
    status,
    liveMode: body.liveMode ?? false,
    amountPaid: 0,
    altId: req.locationId,
    altType: 'location',
    name: body.name,
    title: body.title ?? 'INVOICE',
    businessDetails: body.businessDetails ?? {},
    invoiceNumber: s.nextNumber++,
    currency: body.currency,
    contactDetails: body.contactDetails,
    issueDate: body.issueDate,
    dueDate: body.dueDate ?? body.issueDate,
    discount: body.discount ?? { type: 'percentage', value: 0 },
    invoiceItems: items,
    total,
    amountDue: total,
    totalSummary: { subTotal, discount: subTotal - total, tax: 0 },
    sentTo: body.sentTo,
    createdAt: now,
    updatedAt: now,
  };
  s.invoices.set(invoice._id, invoice);
  return invoice;
}

function invoiceOf(req: RouteRequest, state: SandboxState, id: string): Rec {
  const invoice = store(state).invoices.get(id);
  if (!invoice || invoice.altId !== req.locationId) fail(400, `Unable to find an invoice with id ${id}`);
  return invoice;
}

function estimateOf(req: RouteRequest, state: SandboxState, id: string): Rec {
  const estimate = store(state).estimates.get(id);
  if (!estimate || estimate.altId !== req.locationId) fail(404, 'Estimate not found');
  return estimate;
}

const touch = (state: SandboxState, record: Rec, changes: Rec) => Object.assign(record, changes, { updatedAt: state.now() });
/** DefaultInvoiceResponseDto: the stored invoice without the list-only summary. */
const plain = ({ totalSummary: _t, sentTo: _s, ...invoice }: Rec) => invoice;
const contactMatches = (invoice: Rec, needle: string) =>
  [invoice._id, invoice.name, String(invoice.invoiceNumber), invoice.contactDetails?.email, invoice.contactDetails?.phoneNo].some((v) =>
    String(v ?? '')
      .toLowerCase()
      .includes(needle),
  );

export const invoiceRoutes: Route[] = [
  {
    method: 'GET',
    path: '/invoices/',
    handle(req, state) {
      assertAlt(req, req.query);
      const { search, contactId, status } = req.query;
      const invoices = [...store(state).invoices.values()]
        .filter((i) => i.altId === req.locationId)
        .filter((i) => !contactId || i.contactDetails?.id === contactId)
        .filter((i) => !status || i.status === status)
        .filter((i) => !search || contactMatches(i, search.toLowerCase()))
        // By issue date, newest first on `descend` (the only sort field); ties keep creation order, newest first.
        .sort(
          (a, b) =>
            (req.query.sortOrder === 'ascend' ? 1 : -1) *
            (a.issueDate.localeCompare(b.issueDate) || a.createdAt.localeCompare(b.createdAt)),
        );
      const offset = Number(req.query.offset) || 0;
      return ok({ invoices: invoices.slice(offset, offset + (Number(req.query.limit) || 10)), total: invoices.length });
    },
  },
  {
    method: 'GET',
    path: '/invoices/{invoiceId}',
    handle(req, state) {
      assertAlt(req, req.query);
      const invoice = store(state).invoices.get(req.params.invoiceId);
      if (!invoice || invoice.altId !== req.locationId) fail(404, 'Invoice not found');
      const { sentTo: _s, ...rest } = invoice;
      return ok(rest);
    },
  },
  {
    method: 'POST',
    path: '/invoices/',
    handle(req, state) {
      assertAlt(req, req.body);
      return ok(plain(newInvoice(req, state, req.body, 'draft')));
    },
  },
  {
    method: 'POST',
    path: '/invoices/text2pay',
    handle(req, state) {
      assertAlt(req, req.body);
      const invoice = newInvoice(req, state, req.body, req.body.action === 'send' ? 'sent' : 'draft');
      return ok({ invoice: plain(invoice), invoiceUrl: `https://link.sandbox.example.com/invoice/${invoice._id}` });
    },
  },
  {
    method: 'POST',
    path: '/invoices/{invoiceId}/send',
    handle(req, state) {
      assertAlt(req, req.body);
      const invoice = invoiceOf(req, state, req.params.invoiceId);
      if (invoice.status === 'void') fail(400, 'A void invoice cannot be sent');
      if (invoice.status === 'draft') touch(state, invoice, { status: 'sent' });
      return ok({ invoice: plain(invoice), smsData: {}, emailData: {} });
    },
  },
  {
    method: 'POST',
    path: '/invoices/{invoiceId}/void',
    handle(req, state) {
      assertAlt(req, req.body);
      const invoice = invoiceOf(req, state, req.params.invoiceId);
      if (invoice.amountPaid > 0) fail(400, 'An invoice with payments cannot be voided');
      return ok(plain(touch(state, invoice, { status: 'void' })));
    },
  },
  {
    method: 'POST',
    path: '/invoices/{invoiceId}/record-payment',
    handle(req, state) {
      assertAlt(req, req.body);
      const invoice = invoiceOf(req, state, req.params.invoiceId);
      if (invoice.status === 'void' || invoice.status === 'draft') fail(400, `A ${invoice.status} invoice cannot be paid`);
      const amount = req.body.amount ?? invoice.amountDue;
      if (amount <= 0 || amount > invoice.amountDue)
        fail(400, `The amount must be more than 0 and at most the amount due (${invoice.amountDue})`);
      const amountPaid = invoice.amountPaid + amount;
      const amountDue = Math.round((invoice.total - amountPaid) * 100) / 100;
      touch(state, invoice, { amountPaid, amountDue, status: amountDue === 0 ? 'paid' : 'partially_paid' });
      return ok({ success: true, invoice: plain(invoice) });
    },
  },
  {
    method: 'GET',
    path: '/invoices/estimate/list',
    handle(req, state) {
      assertAlt(req, req.query);
      const estimates = [...store(state).estimates.values()].filter((e) => e.altId === req.locationId).reverse();
      const offset = Number(req.query.offset) || 0;
      return ok({
        estimates: estimates.slice(offset, offset + (Number(req.query.limit) || 10)),
        total: estimates.length,
        traceId: newId(),
      });
    },
  },
  {
    method: 'POST',
    path: '/invoices/estimate',
    handle(req, state) {
      assertAlt(req, req.body);
      const b = req.body;
      const now = state.now();
      const items = withIds(b.items ?? []);
      const total = discounted(totalOf(items), b.discount);
      const day = (d: string | undefined, fallback: number) =>
        (d ? new Date(`${d}T00:00:00.000Z`) : new Date(Date.now() + fallback)).toISOString();
      const estimate: Rec = {
        _id: newId(24).toLowerCase(),
        altId: req.locationId,
        altType: 'location',
        companyId: state.companyId,
        liveMode: b.liveMode ?? false,
        deleted: false,
        name: b.name,
        title: b.title ?? 'ESTIMATE',
        estimateStatus: 'draft',
        currency: b.currency,
        businessDetails: b.businessDetails ?? {},
        contactDetails: b.contactDetails,
        items,
        discount: b.discount,
        total,
        totalamountInUSD: total,
        issueDate: day(b.issueDate, 0),
        expiryDate: day(b.expiryDate, 30 * 24 * 60 * 60 * 1000),
        automaticTaxesEnabled: false,
        automaticTaxesCalculated: false,
        meta: {},
        estimateActionHistory: [],
        sentTo: b.sentTo ?? { email: [] },
        frequencySettings: b.frequencySettings,
        lastVisitedAt: now,
        __v: 0,
        createdAt: now,
        updatedAt: now,
      };
      store(state).estimates.set(estimate._id, estimate);
      return created({ ...estimate, traceId: newId() });
    },
  },
  {
    method: 'POST',
    path: '/invoices/estimate/{estimateId}/send',
    handle(req, state) {
      assertAlt(req, req.body);
      const estimate = estimateOf(req, state, req.params.estimateId);
      touch(state, estimate, { estimateStatus: 'sent', sentBy: req.body.userId });
      return created({ ...estimate, traceId: newId() });
    },
  },
  {
    method: 'POST',
    path: '/invoices/estimate/{estimateId}/invoice',
    handle(req, state) {
      assertAlt(req, req.body);
      const estimate = estimateOf(req, state, req.params.estimateId);
      if (estimate.estimateStatus === 'invoiced') fail(400, 'The estimate is already invoiced');
      const issueDate = new Date().toISOString().slice(0, 10);
      const invoice = newInvoice(
        req,
        state,
        { ...estimate, items: estimate.items.map(({ _id, ...i }: Rec) => i), issueDate, title: 'INVOICE' },
        'draft',
      );
      if (req.body.markAsInvoiced) touch(state, estimate, { estimateStatus: 'invoiced' });
      return ok({ estimate: { ...estimate, traceId: newId() }, invoice: plain(invoice) });
    },
  },
];
