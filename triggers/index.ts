import { Operation } from '../src/factories/operation';
import * as calendars from './calendars';
import * as contacts from './contacts';
import * as contactTasks from './contactTasks';
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
  contacts, contactTasks, tasks, notes, dropdowns, calendars, associations, blogs, conversations, locations, opportunities, users, businesses,
  workflows, forms, invoices, customValues, products, payments, objects, medias, instant, instantEvent, moneyInstant,
];

export const triggers = collect(modules, 'trigger');

export function collect(from: Record<string, unknown>[], kind: Operation['kind']): Operation[] {
  return from.flatMap((mod) =>
    Object.values(mod).filter((x): x is Operation => !!x && typeof x === 'object' && (x as Operation).kind === kind),
  );
}
