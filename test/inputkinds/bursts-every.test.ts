import { findOperationById, operationInputs } from '../../contract/openapi';
import { operations } from '../../app/operations';
import { Operation } from '../../src/factories/operation';
import { call, sandboxApp } from '../sandbox/support';

// Issue 10, kind 1, for every polling trigger of the app (discovered): each is either tested with bursts larger
// than a page (the files named below), or reads its list by a mechanism those tests cover, checked here from its
// declaration: pages read down to the previous poll's mark (serverSorted, src/polling.ts), the whole list read
// in the app with its bound logged (perform, test/inputkinds/appSorted.test.ts), or an endpoint that has no
// paging at all (the spec declares no limit, skip, page or cursor). A new polling trigger must say which.

type Coverage = { burstTest: string } | { mechanism: 'serverSorted' | 'readInApp' | 'unpagedEndpoint' };

const COVERAGE: Record<string, Coverage> = {
  new_contact: { burstTest: 'bursts.test.ts' },
  updated_contact: { burstTest: 'bursts.test.ts' },
  new_opportunity: { burstTest: 'bursts.test.ts' },
  new_inbound_message: { burstTest: 'bursts.test.ts' },
  new_user: { burstTest: 'bursts.test.ts' },
  new_invoice: { burstTest: 'bursts-money.test.ts' },
  new_product: { burstTest: 'bursts-money.test.ts' },
  new_order: { burstTest: 'bursts-dated.test.ts' },
  new_transaction: { burstTest: 'bursts-dated.test.ts' },
  new_subscription: { burstTest: 'bursts-dated.test.ts' },
  new_form_submission: { burstTest: 'bursts-dated.test.ts' },
  new_survey_submission: { burstTest: 'bursts-dated.test.ts' },
  new_object_record: { burstTest: 'bursts-dated.test.ts' },
  new_task: { burstTest: 'appSorted.test.ts' },
  new_conversation_message: { burstTest: 'bursts-every.test.ts' },
  new_contact_with_tag: { mechanism: 'serverSorted' },
  new_location: { mechanism: 'serverSorted' },
  opportunity_stage_changed: { mechanism: 'serverSorted' },
  opportunity_status_changed: { mechanism: 'serverSorted' },
  new_contact_appointment: { mechanism: 'readInApp' },
  new_business_contact: { mechanism: 'readInApp' },
  new_appointment: { mechanism: 'readInApp' },
  updated_appointment: { mechanism: 'readInApp' },
  new_blocked_slot: { mechanism: 'readInApp' },
  new_appointment_note: { mechanism: 'readInApp' },
  new_blog_post: { mechanism: 'readInApp' },
  new_conversation: { mechanism: 'readInApp' },
  new_business: { mechanism: 'readInApp' },
  new_contact_task: { mechanism: 'unpagedEndpoint' },
  new_note: { mechanism: 'unpagedEndpoint' },
};

const polling = operations.filter((op) => op.kind === 'trigger' && !op.hook && !op.def.hidden);
const PAGING = /^(limit|pageLimit|skip|offset|page|cursor|startAfter|startAfterId|lastMessageId|searchAfter)$/;

function mechanismHolds(op: Operation, mechanism: string): boolean {
  const def = op.def as { serverSorted?: unknown; perform?: unknown };
  if (mechanism === 'serverSorted') return !!def.serverSorted;
  if (mechanism === 'readInApp') return !!def.perform;
  const spec = findOperationById(op.def.endpoint.specFile, op.def.endpoint.operationId);
  const params = spec ? operationInputs(spec).parameters : [];
  return !!spec && !params.some((p) => PAGING.test(p.name));
}

describe('every polling trigger is covered for bursts', () => {
  it('by a burst test or a mechanism its declaration shows', () => {
    expect(polling.length).toBeGreaterThanOrEqual(30);
    expect(polling.filter((op) => !COVERAGE[op.key]).map((op) => op.key)).toEqual([]);
    expect(Object.keys(COVERAGE).filter((key) => !polling.some((op) => op.key === key))).toEqual([]);
    const wrong = polling.flatMap((op) => {
      const c = COVERAGE[op.key];
      if ('burstTest' in c) {
        const text = require('fs').readFileSync(`${__dirname}/${c.burstTest}`, 'utf8') as string;
        const named = text.includes(`'${op.key}'`) || text.includes(`.${exportName(op)}`);
        return named ? [] : [`${op.key}: not in ${c.burstTest}`];
      }
      return mechanismHolds(op, c.mechanism) ? [] : [`${op.key}: is not ${c.mechanism}`];
    });
    expect(wrong).toEqual([]);
  });
});

/** The trigger's export name in its module (how the dated burst tests name it), e.g. newOrder. */
function exportName(op: Operation): string {
  for (const file of ['forms', 'objects', 'payments']) {
    const mod = require(`../../triggers/${file}`) as Record<string, unknown>;
    const found = Object.entries(mod).find(([, value]) => value === op);
    if (found) return found[0];
  }
  return `\u0000${op.key}`;
}

describe('bursts between polls (sandbox)', () => {
  const app = sandboxApp();

  it('New Message in Conversation: 150 messages between polls → all 150 once, in 2 requests; a quiet poll = 1', async () => {
    const { status, body } = await call(app.sandbox, 'POST', '/contacts/', {
      token: app.token(),
      body: { locationId: app.locationId, firstName: 'Texter', email: 'texter@example.com', phone: '+15550100177' },
    });
    expect(status).toBe(201);
    const contactId = body.contact.id;
    const { conversationId } = await app.run('send_sms', { contactId, message: 'Your quote is ready.' });
    const seen = new Set<string>();
    const poll = async () => {
      const before = app.sandbox.requests.length;
      const items: any[] = await app.run('new_conversation_message', { conversationId });
      const requests = app.sandbox.requests.slice(before).filter((r) => r.route).length;
      const ids = items.map((m) => String(m.id));
      expect(new Set(ids).size).toBe(ids.length);
      const fresh = ids.filter((id) => !seen.has(id));
      fresh.forEach((id) => seen.add(id));
      return { fresh, requests };
    };
    await poll(); // the zap is turned on: Zapier's first poll fills its dedupe store
    const sent: string[] = [];
    for (let i = 0; i < 150; i++) {
      const answer = await call(app.sandbox, 'POST', '/conversations/messages/inbound', {
        token: app.token(),
        version: '2021-04-15',
        body: { type: 'SMS', contactId, conversationId, conversationProviderId: 'sandbox', message: `hello ${i}` },
      });
      expect(answer.status).toBe(200);
      sent.push(answer.body.messageId);
    }
    const second = await poll();
    expect([...second.fresh].sort()).toEqual([...sent].sort());
    expect(second.requests).toBe(2);
    const third = await poll();
    expect(third.fresh).toEqual([]);
    expect(third.requests).toBe(1);
  });
});
