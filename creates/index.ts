import { collect } from '../src/factories/operation';
import * as appointments from './appointments';
import * as calendars from './calendars';
import * as contacts from './contacts';
import * as contactFollowersCampaignsWorkflows from './contactFollowersCampaignsWorkflows';
import * as notes from './notes';
import * as tasks from './tasks';
import * as associations from './associations';
import * as blogs from './blogs';
import * as conversations from './conversations';
import * as locations from './locations';
import * as customFields from './customFields';
import * as opportunities from './opportunities';
import * as users from './users';
import * as businesses from './businesses';
import * as apiRequest from './apiRequest';

import * as invoices from './invoices';
import * as customValues from './customValues';
import * as products from './products';
import * as payments from './payments';
import * as objects from './objects';
import * as medias from './medias';

export const creates = collect(
  [
    contacts,
    contactFollowersCampaignsWorkflows,
    tasks,
    notes,
    calendars,
    appointments,
    associations,
    blogs,
    conversations,
    locations,
    customFields,
    opportunities,
    users,
    businesses,
    apiRequest,
    invoices,
    customValues,
    products,
    payments,
    objects,
    medias,
  ],
  'create',
);
