// Import rules (`npm run lint`, part of `npm test`): imports point down only, and there is no import cycle.
//   app/  ->  triggers/ creates/ searches/  ->  src/
// src/ is the library: it imports none of the folders above it, nor the sandbox, relay, contract, scripts or tests.
// An operation folder imports no other operation folder (shared readers and samples live in src/), and nothing
// below app/ imports the app. Type-only imports count (tsPreCompilationDeps): a cycle through a type is still a
// cycle in the design.
const OPERATION_FOLDERS = '^(triggers|creates|searches)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order matter and hide which module is the lower one. Move the shared piece down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-imports-nothing-above-it',
      severity: 'error',
      comment: 'src/ is the library below the operations: it must not import app/, the operation folders, or non-app code.',
      from: { path: '^src/' },
      to: { path: '^(app|triggers|creates|searches|sandbox|relay|contract|scripts|test)/' },
    },
    {
      name: 'operations-do-not-import-the-app',
      severity: 'error',
      comment: 'The app registry sits above the operations; an operation that imports it creates a cycle through the registry.',
      from: { path: OPERATION_FOLDERS },
      to: { path: '^app/' },
    },
    {
      name: 'operation-folders-do-not-import-each-other',
      severity: 'error',
      comment: 'Share readers and samples through src/ (src/domains/, src/fields/) instead of importing another operation folder.',
      from: { path: OPERATION_FOLDERS },
      to: { path: OPERATION_FOLDERS, pathNot: '^$1/' },
    },
    {
      name: 'the-app-ships-no-dev-code',
      severity: 'error',
      comment: 'What Zapier loads (app/, operations, src/) must not import the sandbox, relay, contract checker, scripts or tests.',
      from: { path: '^(app|triggers|creates|searches)/' },
      to: { path: '^(sandbox|relay|contract|scripts|test)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve (a typo, or a file that moved).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|build|openapi)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
