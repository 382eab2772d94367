import { assertLocation, ok, Route } from './route';

// The location's phone numbers (phone-system.json): two seeded numbers for every location, one of which cannot
// send SMS, as HighLevel's own example answer has it.

const NUMBERS = [
  {
    phoneNumber: '+15550100150',
    friendlyName: 'Sandbox Main Line',
    sid: 'PN0000000000000000000000000000001',
    countryCode: 'US',
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    type: 'local',
    isDefaultNumber: true,
    linkedRingAllUsers: [],
    isGroupConversationEnabled: false,
    dateAdded: '2026-01-15T10:30:00Z',
    dateUpdated: '2026-01-15T10:30:00Z',
  },
  {
    phoneNumber: '+18005550100',
    friendlyName: 'Sandbox Toll-Free (voice only)',
    sid: 'PN0000000000000000000000000000002',
    countryCode: 'US',
    capabilities: { voice: true, sms: false, mms: false, fax: false },
    type: 'toll-free',
    isDefaultNumber: false,
    linkedRingAllUsers: [],
    isGroupConversationEnabled: false,
    dateAdded: '2026-01-16T14:20:00Z',
    dateUpdated: '2026-01-16T14:20:00Z',
  },
];

export const phoneNumberRoutes: Route[] = [
  {
    method: 'GET',
    path: '/phone-system/numbers/location/{locationId}',
    handle(req) {
      assertLocation(req, req.params.locationId);
      const pageSize = Number(req.query.pageSize ?? 1000);
      const page = Number(req.query.page ?? 0);
      const filter = req.query.searchFilter ?? '';
      const numbers = NUMBERS.filter((n) => n.phoneNumber.includes(filter)).slice(page * pageSize, (page + 1) * pageSize);
      return ok({ numbers, isUnderGhl: true, pageSize, page, accountStatus: 'active' });
    },
  },
];
