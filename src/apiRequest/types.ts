// The shapes of the generated API Request artifacts (src/apiRequest/generated/, made by
// scripts/apiRequestArtifacts.ts from openapi/*.json with contract/deviations.ts applied). Keys are short: the
// files ship in build.zip and are read on a step's first use.

/**
 * A field's value type: what the editor shows and how a Zapier string becomes the request's value. `file`: a
 * multipart file part (Zapier hands over a file's URL; the app downloads it and sends its bytes).
 */
export type ValueType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime' | 'json' | 'file';

/** Where a missing value comes from: the connection's location or company, or the location as `altId`/`altType`. */
export type Fill = 'location' | 'company' | 'alt' | 'altType';

/**
 * One input of a spec operation, as an editor field (as the code sees it: on disk `in`, `l`, a `p` the key
 * implies and `t` "string" are left out, see compact.ts).
 */
export interface GenField {
  /** Zapier field key: `<in>_<name>` (`body_address_city` for a flattened nested property). */
  k: string;
  in: 'path' | 'query' | 'body';
  /** Property path in the request: `['limit']`, or `['address', 'city']` for a flattened body object. */
  p: string[];
  /** Label and help text (from the spec's description, trimmed). */
  l: string;
  h: string;
  t: ValueType;
  /** Required (1), as the spec declares it (a required nested property only when its parent is required). */
  r?: 1;
  /** Enum values: the editor's choices, and the only values accepted. */
  c?: Array<string | number | boolean>;
  /** The spec's default, shown pre-filled. */
  d?: string;
  /** A list of values (array of primitives). */
  li?: 1;
  /** Line items: an array of flat objects, one child field per property. */
  ch?: GenField[];
  /** For `json` fields: the self-contained JSON Schema the value must satisfy. */
  s?: Record<string, unknown>;
  f?: Fill;
  /** A flattened property whose parent object is required: the parent is sent (maybe empty) even with no child set. */
  o?: 1;
  /**
   * Named file parts (a multipart form whose schema takes files under names of the caller's choosing,
   * `additionalProperties: {format: binary}`): line items whose `partName` child is the part's name and `file` child its file.
   */
  nf?: 1;
}

/** An operation's inputs and body kind (per area file: `details/<area>.json`, keyed by operationId). */
export interface GenDetail {
  fields: GenField[];
  /** How the body fields are sent: JSON (default when fields are in the body), or as multipart/form-data parts (uploads). */
  body?: 'json' | 'multipart';
}

/** The compact index (`index.json`): every area and operation, for the dropdowns and custom-request lookups. */
export interface GenIndex {
  /** [area key (spec file stem), title] in title order. */
  areas: Array<[string, string]>;
  /**
   * [key `<area>:<operationId>`, method, path template, summary, Version, scopes (space-separated), flags]
   * flags: `a` agency only, `d` deprecated, `m` multipart upload.
   */
  ops: Array<[string, string, string, string, string, string, string]>;
}
