// Zapier's production wrapper requires this file and does not unwrap `.default`. The shipped definition: every
// operation's data, with functions that load their operation's module on first call (scripts/shipDefinition.ts).
module.exports = require('./dist/app/shipped');
