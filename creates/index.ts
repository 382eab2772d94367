import { collect } from '../triggers';
import * as contacts from './contacts';
import * as notes from './notes';
import * as tasks from './tasks';

export const creates = collect([contacts, tasks, notes], 'create');
