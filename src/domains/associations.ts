import { Item } from '../factories/operation';

/** Association and relation lists: the spec types them as one object; accept a bare array or a wrapper key. */
export const listOf = (data: unknown, key: string): Item[] => {
  const list: unknown = Array.isArray(data) ? data : data && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? list.filter((x): x is Item => !!x && typeof x === 'object') : [];
};
