// Prints how many HTTP requests the tests sent that were checked against HighLevel's OpenAPI specs.
const fs = require('fs');
const path = require('path');
const DIR = path.join(__dirname, '..', '..', 'node_modules', '.cache', 'contract-counts');

class ContractReporter {
  onRunStart() {
    fs.rmSync(DIR, { recursive: true, force: true });
  }
  onRunComplete() {
    let total = 0;
    if (fs.existsSync(DIR)) {
      for (const f of fs.readdirSync(DIR)) {
        for (const line of fs.readFileSync(path.join(DIR, f), 'utf8').split('\n')) total += Number(line) || 0;
      }
    }
    process.stdout.write(`\nContract: ${total} HTTP requests sent by the tests were checked against HighLevel's OpenAPI specs.\n`);
  }
}
module.exports = ContractReporter;
