import { Operation } from '../src/factories/operation';
import * as contacts from './contacts';
import * as dropdowns from './dropdowns';
import * as notes from './notes';
import * as tasks from './tasks';

// One module per domain; every exported operation is registered.
const modules: Record<string, unknown>[] = [contacts, tasks, notes, dropdowns];

export const triggers = collect(modules, 'trigger');

export function collect(from: Record<string, unknown>[], kind: Operation['kind']): Operation[] {
  return from.flatMap((mod) =>
    Object.values(mod).filter((x): x is Operation => !!x && typeof x === 'object' && (x as Operation).kind === kind),
  );
}
