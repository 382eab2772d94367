import { OutputField } from './field';

/**
 * The output fields of a postal address as HighLevel's records carry it flat: street (`address1` on contacts,
 * `address` on locations and businesses), city, state, postal code, country. `stateLabel`: businesses say "State".
 */
export function addressOutputFields(street: 'address' | 'address1', stateLabel = 'State / Region'): OutputField[] {
  return [
    { key: street, label: 'Street Address' },
    { key: 'city', label: 'City' },
    { key: 'state', label: stateLabel },
    { key: 'postalCode', label: 'Postal Code' },
    { key: 'country', label: 'Country' },
  ];
}
