// The opportunity triggers use the advanced search (POST /opportunities/search). The spec declares neither its
// `filters` nor its `sort`; both are documented in HighLevel's search guide the spec links to (ClickUp doc
// 87cpx-424216), with sort fields date_added, date_updated, last_stage_change_date and last_status_change_date.
// Sorting on the change date the trigger watches gives the newest changes first in ONE request per poll. (The
// GET variant's `order` is a free string whose only documented value is "added_asc".)

export type SortField = 'date_added' | 'date_updated' | 'last_stage_change_date' | 'last_status_change_date';

export interface Filter {
  field: string;
  operator: 'eq';
  value: string;
}

/** The search body: newest first by `sortField`, optional equality filters, one page. */
export function opportunitySearchBody(sortField: SortField, filters: Array<Filter | false | undefined>, limit: number, page = 1) {
  const used = filters.filter((f): f is Filter => !!f);
  return { limit, page, sort: [{ field: sortField, direction: 'desc' }], ...(used.length ? { filters: used } : {}) };
}

/** An equality filter, or none when `value` is empty. */
export const eq = (field: string, value: unknown): Filter | undefined =>
  value ? { field, operator: 'eq', value: String(value) } : undefined;
