import { collect } from '../triggers';
import * as contacts from './contacts';

export const searches = collect([contacts], 'search');
