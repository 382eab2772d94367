import { endpoint } from './endpoint';

// The location's phone numbers (phone-system.json, Version 2021-07-28): the From Number dropdown of Send SMS.
export const phoneSystemApi = {
  listNumbers: endpoint('phone-system.json', 'GET /phone-system/numbers/location/{locationId}', {
    operationId: 'active-numbers',
    scope: 'phonenumbers.read',
  }),
};
