import type { Db } from './db';

export interface StatusReport {
  generatedAt: string;
  locations: {
    locationId: string;
    subscriptions: {
      id: string;
      trigger: string;
      events: string[];
      status: string;
      lastDeliveryAt: string | null;
      lastResult: string | null;
      delivered24h: number;
      failures24h: number;
      deadLetters: number;
      pending: number;
    }[];
  }[];
  eventTypes: {
    type: string;
    received: number;
    matched: number;
    delivered: number;
    latencyMs: { median: number | null; p95: number | null };
  }[];
  rejectedSignatures: { at: string; reason: string }[];
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * The sync status (JSON): per location its subscriptions with last delivery and failures; per event type the
 * received / matched / delivered counts and delivery latency (stored → hook 2xx, median and 95th percentile) over
 * the retained events; the last 20 rejected signatures. No hook URLs, secrets or payloads.
 */
export async function statusReport(db: Db): Promise<StatusReport> {
  const subs = await db.query(
    `SELECT s.id, s.scope_id, s.trigger_key, s.events, s.status, s.last_delivery_at, s.last_result,
            count(d.*) FILTER (WHERE d.state = 'delivered' AND d.updated_at > now() - interval '24 hours')::int AS delivered24h,
            count(d.*) FILTER (WHERE d.state IN ('retrying', 'dead') AND d.updated_at > now() - interval '24 hours')::int AS failures24h,
            count(d.*) FILTER (WHERE d.state = 'dead')::int AS dead,
            count(d.*) FILTER (WHERE d.state IN ('pending', 'retrying'))::int AS pending
       FROM relay.subscription s LEFT JOIN relay.delivery d ON d.subscription_id = s.id
      GROUP BY s.id ORDER BY s.scope_id, s.created_at`,
  );
  const byLocation = new Map<string, StatusReport['locations'][number]>();
  for (const r of subs.rows) {
    const loc: StatusReport['locations'][number] = byLocation.get(r.scope_id) ?? { locationId: r.scope_id, subscriptions: [] };
    byLocation.set(r.scope_id, loc);
    loc.subscriptions.push({
      id: r.id,
      trigger: r.trigger_key,
      events: r.events,
      status: r.status,
      lastDeliveryAt: iso(r.last_delivery_at),
      lastResult: r.last_result,
      delivered24h: r.delivered24h,
      failures24h: r.failures24h,
      deadLetters: r.dead,
      pending: r.pending,
    });
  }
  const types = await db.query(
    `WITH ev AS (SELECT type, count(*)::int AS received, count(*) FILTER (WHERE matched > 0)::int AS matched FROM relay.event GROUP BY type),
          dl AS (SELECT type, count(*)::int AS delivered,
                        percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS median,
                        percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95
                   FROM relay.delivery WHERE state = 'delivered' GROUP BY type)
     SELECT ev.type, ev.received, ev.matched, coalesce(dl.delivered, 0)::int AS delivered, dl.median, dl.p95
       FROM ev LEFT JOIN dl ON dl.type = ev.type ORDER BY ev.received DESC, ev.type`,
  );
  const rejections = await db.query(`SELECT at, reason FROM relay.rejection ORDER BY id DESC LIMIT 20`);
  const round = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));
  return {
    generatedAt: new Date().toISOString(),
    locations: [...byLocation.values()],
    eventTypes: types.rows.map((r) => ({
      type: r.type,
      received: r.received,
      matched: r.matched,
      delivered: r.delivered,
      latencyMs: { median: round(r.median), p95: round(r.p95) },
    })),
    rejectedSignatures: rejections.rows.map((r) => ({ at: iso(r.at)!, reason: r.reason })),
  };
}

const esc = (v: unknown) =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The same report as a self-contained HTML page (no scripts, no build step). */
export function statusHtml(r: StatusReport): string {
  const rows = r.locations
    .flatMap((l) =>
      l.subscriptions.map(
        (
          s,
        ) => `<tr class="sub ${s.deadLetters ? 'has-dead' : ''}"><td>${esc(l.locationId)}</td><td>${esc(s.trigger)}</td><td>${esc(s.events.join(', '))}</td>
<td>${esc(s.status)}</td><td>${esc(s.lastDeliveryAt ?? '—')}</td><td class="result">${esc(s.lastResult ?? '—')}</td>
<td>${s.delivered24h}</td><td class="${s.failures24h ? 'bad' : ''}">${s.failures24h}</td><td class="${s.deadLetters ? 'bad' : ''}">${s.deadLetters}</td><td>${s.pending}</td></tr>`,
      ),
    )
    .join('\n');
  const types = r.eventTypes
    .map(
      (t) =>
        `<tr><td>${esc(t.type)}</td><td>${t.received}</td><td>${t.matched}</td><td>${t.delivered}</td><td>${t.latencyMs.median ?? '—'}</td><td>${t.latencyMs.p95 ?? '—'}</td></tr>`,
    )
    .join('\n');
  const rejected = r.rejectedSignatures.map((x) => `<li><time>${esc(x.at)}</time> ${esc(x.reason)}</li>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Relay sync status</title>
<meta http-equiv="refresh" content="30">
<style>
body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin-bottom:2em}
th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}.bad{color:#b00;font-weight:bold}
</style></head><body>
<h1>HighLevel → Zapier relay: sync status</h1>
<p>Generated ${esc(r.generatedAt)}. Counts cover the retained events; failures are for the last 24 hours.</p>
<h2>Subscriptions by location</h2>
<table id="subscriptions"><thead><tr><th>Location</th><th>Trigger</th><th>Events</th><th>Status</th><th>Last delivery</th><th>Last result</th>
<th>Delivered 24 h</th><th>Failures 24 h</th><th>Dead letters</th><th>Pending</th></tr></thead><tbody>
${rows || '<tr><td colspan="10">No subscriptions.</td></tr>'}
</tbody></table>
<h2>Events by type</h2>
<table id="event-types"><thead><tr><th>Type</th><th>Received</th><th>Matched</th><th>Delivered</th><th>Latency median (ms)</th><th>Latency p95 (ms)</th></tr></thead><tbody>
${types || '<tr><td colspan="6">No events yet.</td></tr>'}
</tbody></table>
<h2>Last rejected signatures</h2>
<ul id="rejections">${rejected || '<li>None.</li>'}</ul>
</body></html>`;
}
