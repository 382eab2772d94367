import { routes } from '../../sandbox/routes';
import { findRoute } from '../../sandbox/routes/route';
import { agencyApi } from '../../src/api/agency';
import { locationsApi } from '../../src/api/locations';
import { Endpoint } from '../../src/api/endpoint';
import { operations } from '../../app/operations';

// Every endpoint the app can call (each operation's endpoints, plus the connection's: the connection test and the
// agency → location token exchange) has a sandbox route with the same method and spec path template, and a
// request to it reaches that route (not a look-alike template), so any Zap step runs end to end in the sandbox.

/**
 * Endpoints the sandbox does not serve yet, each with the reason ('METHOD /template': why). Empty: full coverage.
 * A new operation whose endpoint has no route fails the first test until it gets a route (or an entry here).
 */
const NOT_YET: Record<string, string> = {};

const key = (e: { method: string; path: string }) => `${e.method} ${e.path}`;

const called: Endpoint[] = [
  ...operations.flatMap((op) => op.endpoints),
  locationsApi.getLocation,
  agencyApi.getCompany,
  agencyApi.locationToken,
];
const calledKeys = [...new Set(called.map(key))].sort();

function missingRoutes(): string[] {
  const served = new Set(routes.map(key));
  return calledKeys.filter((k) => !served.has(k));
}

describe("sandbox coverage of the app's endpoints", () => {
  it('every endpoint an operation or the connection calls has a sandbox route, except the listed ones', () => {
    const missing = missingRoutes();
    if (missing.length) console.log(`Endpoints without a sandbox route:\n${missing.join('\n')}`);
    expect(missing.filter((k) => !(k in NOT_YET))).toEqual([]);
  });

  it('the not-yet list names only endpoints still missing (remove an entry once its route exists)', () => {
    const missing = new Set(missingRoutes());
    expect(Object.keys(NOT_YET).filter((k) => !missing.has(k))).toEqual([]);
  });

  it('a request to each endpoint is routed to its own route (literal segments win over templates)', () => {
    const misrouted = calledKeys
      .filter((k) => !(k in NOT_YET))
      .flatMap((k) => {
        const [method, template] = k.split(' ');
        const path = template.replace(/\{(\w+)\}/g, (_m, name) => `${name}-value`);
        const found = findRoute(routes, method, path);
        return found?.route.path === template ? [] : [`${k} → ${found ? found.route.path : 'no route'}`];
      });
    expect(misrouted).toEqual([]);
  });

  it('the list is not vacuous: it covers every operation of the app', () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(calledKeys.length).toBeGreaterThan(100);
  });
});
