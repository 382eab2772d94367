// `npm run catalog`: for each row of the seed catalog, the app operations that cover it, from the code.
import { catalogCoverage } from './coverage';

const rows = catalogCoverage();
let category = '';
for (const { row, entry, coveredBy } of rows) {
  if (entry.category !== category) {
    category = entry.category;
    const inCategory = rows.filter((r) => r.entry.category === category);
    console.log(`\n${category} (${inCategory.filter((r) => r.coveredBy.length).length}/${inCategory.length} covered)`);
  }
  const mark = coveredBy.length ? 'ok ' : '-- ';
  const by = coveredBy.length ? coveredBy.join(', ') : 'UNCOVERED';
  console.log(`${mark}${String(row).padStart(3)}  ${entry.seedName.padEnd(42)} ${`${entry.method} ${entry.path}`.padEnd(58)} ${by}`);
}
const covered = rows.filter((r) => r.coveredBy.length).length;
console.log(`\n${covered} of ${rows.length} catalog rows covered; ${rows.length - covered} uncovered.`);
if (process.argv.includes('--strict') && covered < rows.length) process.exitCode = 1;
