import { collect } from '../triggers';
import * as calendars from './calendars';
import * as contacts from './contacts';
import * as notes from './notes';
import * as tasks from './tasks';
import * as associations from './associations';
import * as blogs from './blogs';
import * as conversations from './conversations';
import * as locations from './locations';
import * as opportunities from './opportunities';
import * as users from './users';
import * as businesses from './businesses';
import * as workflows from './workflows';
import * as forms from './forms';
import * as invoices from './invoices';
import * as customValues from './customValues';
import * as products from './products';

export const searches = collect([contacts, tasks, notes, calendars, associations, blogs, conversations, locations, opportunities, users, businesses, workflows, forms, invoices, customValues, products], 'search');
