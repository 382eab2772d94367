import { Item } from '../factories/operation';

/** Association and relation lists: the spec types them as one object; accept a bare array or a wrapper key. */
export const listOf = (data: any, key: string): Item[] => {
  const list = Array.isArray(data) ? data : data?.[key];
  return Array.isArray(list) ? list.filter((x: Item) => x && typeof x === 'object') : [];
};
