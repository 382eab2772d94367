import { calendarRoutes } from './calendars';
import { contactRoutes } from './contacts';
import { conversationRoutes } from './conversations';
import { locationRoutes } from './locations';
import { noteRoutes } from './notes';
import { oauthRoutes } from './oauth';
import { Route } from './route';
import { taskRoutes } from './tasks';
import { userRoutes } from './users';
import { opportunityRoutes } from './opportunities';
import { businessRoutes } from './businesses';
import { workflowRoutes } from './workflows';
import { associationRoutes } from './associations';
import { blogRoutes } from './blogs';
import { calendarExtraRoutes } from './calendarGroupsResourcesSlots';
import { conversationExtraRoutes } from './conversationMessageDetails';
import { phoneNumberRoutes } from './phoneNumbers';
import { formRoutes } from './forms';
import { invoiceRoutes } from './invoices';
import { customValueRoutes } from './customValues';
import { productRoutes } from './products';
import { paymentRoutes } from './payments';
import { objectRoutes } from './objects';
import { mediaRoutes } from './medias';

export type { Route, RouteRequest, Reply } from './route';

/**
 * Every route the sandbox serves. To add a domain: write `sandbox/routes/<domain>.ts` exporting
 * `export const <domain>Routes: Route[] = [{ method, path: '<spec template>', handle(req, state) { ... } }]`
 * and add it to this list (one line). Paths are the spec's templates; a test checks each is a spec operation, and
 * test/sandbox/coverage.test.ts that every endpoint the app calls has a route. Plain CRUD collections: `crudRoutes`
 * (route.ts); a module's own records: `storeFor` (route.ts).
 */
export const routes: Route[] = [
  ...oauthRoutes,
  ...locationRoutes,
  ...userRoutes,
  ...contactRoutes,
  ...taskRoutes,
  ...noteRoutes,
  ...calendarRoutes,
  ...opportunityRoutes,
  ...businessRoutes,
  ...workflowRoutes,
  ...conversationRoutes,
  ...associationRoutes,
  ...blogRoutes,
  ...calendarExtraRoutes,
  ...conversationExtraRoutes,
  ...phoneNumberRoutes,
  ...formRoutes,
  ...invoiceRoutes,
  ...customValueRoutes,
  ...productRoutes,
  ...paymentRoutes,
  ...objectRoutes,
  ...mediaRoutes,
];
