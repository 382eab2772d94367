import { AGENCY_CODE } from './routes/oauth';
import { newId, SandboxState } from './state';

/**
 * The sandbox's stand-in for HighLevel's install screen (marketplace.gohighlevel.com/v2/oauth/chooselocation), where
 * the app's authorize URL leads when `GHL_API_BASE_URL` points at the sandbox: `zapier-platform invoke auth start`
 * gets a code for the sandbox's sub-account or its agency without a HighLevel account.
 *
 * `GET /oauth/chooselocation?response_type=code&client_id=…&redirect_uri=…&state=…[&scope=…]` answers a page with one
 * link per account; the link (the same URL plus `account=location` or `account=agency`, usable with curl) answers
 * 302 to `redirect_uri?code=…&state=…`, as HighLevel does once a user picks an account. Not part of HighLevel's API
 * spec, so the server serves it apart from the API routes (no bearer token, no contract check).
 */
export const AUTHORIZE_PATH = '/oauth/chooselocation';

export interface PageReply {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

const html = (status: number, title: string, body: string): PageReply => ({
  status,
  contentType: 'text/html; charset=utf-8',
  body: `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><h1>${escape(title)}</h1>${body}</body></html>`,
});

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page or redirect for a request to AUTHORIZE_PATH. */
export function authorizePage(url: URL, state: SandboxState): PageReply {
  const q = url.searchParams;
  const missing = ['response_type', 'client_id', 'redirect_uri'].filter((name) => !q.get(name));
  if (missing.length)
    return html(400, 'Invalid authorization request', `<p>Missing query parameter(s): ${escape(missing.join(', '))}.</p>`);
  if (q.get('response_type') !== 'code') return html(400, 'Invalid authorization request', '<p>response_type must be "code".</p>');
  let redirect: URL;
  try {
    redirect = new URL(q.get('redirect_uri')!);
    if (!/^https?:$/.test(redirect.protocol)) throw new Error('not http');
  } catch {
    return html(400, 'Invalid authorization request', '<p>redirect_uri must be an http(s) URL.</p>');
  }

  const account = q.get('account');
  if (account === 'location' || account === 'agency') {
    // The token endpoint accepts any code for the sub-account, and AGENCY_CODE for the agency.
    redirect.searchParams.set('code', account === 'agency' ? AGENCY_CODE : `sbx-code-${newId(24)}`);
    if (q.get('state')) redirect.searchParams.set('state', q.get('state')!);
    return {
      status: 302,
      contentType: 'text/plain; charset=utf-8',
      body: `Redirecting to ${redirect}`,
      headers: { Location: redirect.toString() },
    };
  }

  const location = state.locations.get(state.locationId);
  const choose = (value: string) => {
    const link = new URL(url.toString());
    link.searchParams.set('account', value);
    return `${link.pathname}${link.search}`;
  };
  return html(
    200,
    'HighLevel sandbox: choose an account',
    `<p>Connect the app (client id ${escape(q.get('client_id')!)}) to:</p><ul>` +
      `<li><a href="${escape(choose('location'))}">Sub-account: ${escape(String(location?.name ?? state.locationId))}</a></li>` +
      `<li><a href="${escape(choose('agency'))}">Agency (company ${escape(state.companyId)})</a></li></ul>` +
      `<p>Scopes requested: ${escape(q.get('scope') ?? '(none)')}</p>`,
  );
}
