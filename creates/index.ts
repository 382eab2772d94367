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

export const creates = collect([contacts, contactFollowersCampaignsWorkflows, tasks, notes, calendars, appointments, associations, blogs, conversations, locations, customFields, opportunities, users, businesses, apiRequest], 'create');
