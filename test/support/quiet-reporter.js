// Jest's default (or, with --verbose, verbose) reporter, minus the "● Console" block of test files that passed:
// the app's z.console lines (zapier-platform-core echoes them to console.log) are expected there and read like
// warnings. A file with a failing test still shows everything it printed.
const { DefaultReporter, VerboseReporter } = require('@jest/reporters');

const quiet = (Base) =>
  class extends Base {
    printTestFileHeader(testPath, config, result) {
      const failed = result.numFailingTests > 0 || result.testExecError;
      super.printTestFileHeader(testPath, config, failed ? result : { ...result, console: undefined });
    }
  };

const QuietDefault = quiet(DefaultReporter);
const QuietVerbose = quiet(VerboseReporter);

// Jest constructs reporters with `new`; returning an object picks the class the run's --verbose asks for.
module.exports = function QuietReporter(globalConfig, options) {
  return globalConfig.verbose ? new QuietVerbose(globalConfig, options) : new QuietDefault(globalConfig, options);
};
