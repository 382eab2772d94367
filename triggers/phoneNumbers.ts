import { phoneSystemApi } from '../src/api/phoneSystem';
import { dropdownTrigger } from '../src/factories/dropdown';
import { Item, records } from '../src/factories/operation';
import { phoneNumberAnswer, phoneNumberChoices, phoneNumberSample } from '../src/fields/phoneNumber';

/**
 * The location's SMS-capable numbers, for Send SMS's From Number. HighLevel pages them (up to 1,000 a page, the
 * spec's maximum): one page holds every number a location has in practice, so "load more" has nothing to add.
 */
export const phoneNumberDropdown = dropdownTrigger({
  key: 'phone_number_list',
  noun: 'Phone Number',
  endpoint: phoneSystemApi.listNumbers,
  request: () => ({ query: { pageSize: 1000, page: 0 } }),
  paged: false,
  items: (data): Item[] => phoneNumberChoices(records(data?.numbers)),
  resultKey: 'numbers',
  label: (n) => (n.friendlyName ? `${n.friendlyName} (${n.phoneNumber})` : String(n.phoneNumber ?? '')),
  sample: { ...phoneNumberSample, name: 'Sales Line 1 (+14155552671)' },
  sampleAnswer: phoneNumberAnswer,
});
