import { collect } from '../src/factories/operation';
import * as calendars from './calendars';
import * as contacts from './contacts';
import * as customFields from './customFields';
import * as dropdowns from './dropdowns';
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
import * as phoneNumbers from './phoneNumbers';
import * as forms from './forms';
import * as invoices from './invoices';
import * as customValues from './customValues';
import * as products from './products';
import * as payments from './payments';
import * as objects from './objects';
import * as medias from './medias';
import * as instant from './instant';
import * as instantEvent from './instantEvent';
import * as moneyInstant from './moneyInstant';

// One module per domain; every exported operation is registered.
const modules: Record<string, unknown>[] = [
  contacts,
  tasks,
  notes,
  dropdowns,
  calendars,
  associations,
  blogs,
  conversations,
  locations,
  customFields,
  opportunities,
  users,
  businesses,
  workflows,
  phoneNumbers,
  forms,
  invoices,
  customValues,
  products,
  payments,
  objects,
  medias,
  instant,
  instantEvent,
  moneyInstant,
];

export const triggers = collect(modules, 'trigger');
