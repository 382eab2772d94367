import { ApiVersion, DEFAULT_API_VERSION } from '../config';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One HighLevel API v2 endpoint, as its OpenAPI spec declares it. Tests check every declared endpoint
 * against `openapi/` (method, path, operationId, Version header, scope), so a typo here fails the build.
 */
export interface Endpoint {
  /** The spec's operationId, e.g. `get-contact` (coverage of the catalog is derived from these). */
  operationId: string;
  /** The spec file the operation lives in, e.g. `contacts.json`. */
  specFile: string;
  method: HttpMethod;
  /** Path template with `{param}` placeholders, exactly as in the spec. */
  path: string;
  /** The OAuth scope the call needs (one of the spec's `security` scopes). */
  scope: string;
  /** The `Version` header the spec declares for this operation. */
  version: ApiVersion;
  /** Where the connection's location id goes when the endpoint needs one outside the path. */
  locationIn?: 'query' | 'body';
  /** Where the connection's company (agency) id goes, for endpoints that need `companyId` (users, snapshots). */
  companyIn?: 'query' | 'body';
  /** Needs the agency (Company) token itself, not a location's: fails on a sub-account connection. */
  agencyOnly?: boolean;
}

type EndpointInput = Omit<Endpoint, 'version' | 'specFile' | 'method' | 'path'> & {
  version?: ApiVersion;
};

/** `endpoint('contacts.json', 'GET /contacts/{contactId}', { operationId, scope })` */
export function endpoint(specFile: string, route: `${HttpMethod} /${string}`, rest: EndpointInput): Endpoint {
  const [method, path] = route.split(' ') as [HttpMethod, string];
  return { ...rest, specFile, method, path, version: rest.version ?? DEFAULT_API_VERSION };
}

/** Names of the `{params}` in a path template. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}
