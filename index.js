// Zapier's production wrapper requires this file and does not unwrap `.default`.
module.exports = require('./dist/app/index').default;
