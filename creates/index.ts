import { collect } from '../triggers';
import * as appointments from './appointments';
import * as calendars from './calendars';
import * as contacts from './contacts';
import * as contactMemberships from './contactMemberships';
import * as notes from './notes';
import * as tasks from './tasks';
import * as associations from './associations';
import * as blogs from './blogs';
import * as conversations from './conversations';
import * as locations from './locations';
import * as opportunities from './opportunities';
import * as users from './users';
import * as businesses from './businesses';
import * as invoices from './invoices';
import * as customValues from './customValues';
import * as products from './products';

export const creates = collect([contacts, contactMemberships, tasks, notes, calendars, appointments, associations, blogs, conversations, locations, opportunities, users, businesses, invoices, customValues, products], 'create');
