// The layering of src/, written once and checked by `npm run lint:deps` (docs/decisions/011-dependency-rules.md).
//
//   core ← components ← engine ← api ← cli | server        (components: targets, converters, classifiers,
//   taxonomy, stats, store: core only                            scorers, datasets, techniques, layers, agents)
//   report: core, stats, taxonomy;  config: core, taxonomy, components;  calibration: below api
//   mcp (static MCP audit): core, classifiers, converters;  ml (classic ML): core, targets
//   queue (BullMQ slices, Redis-backed limiter and budget): core, engine
//
// Each rule says what one folder may import. The layering rules read shipped code only: a test (`*.test.ts`)
// (or a `*-conformance.ts` suite) may wire higher layers together to exercise its module. Cycles, test code and
// SQLite are checked everywhere.

const COMPONENTS = '(targets|converters|classifiers|scorers|datasets|techniques|layers|agents|ml)';
// Tests, and conformance suites (test code a store implementation's tests run), are not shipped.
const TEST = '(\\.test|-conformance)\\.ts$';

/**
 * A rule: modules under the folder(s) `from` (tests aside) may import, inside src/, only their own folder and
 * the folders in `allowed` ($1 in the pattern is the importing module's own folder).
 */
function onlyImports(name, from, allowed, comment) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: `^src/(${from})/`, pathNot: TEST },
    to: { path: '^src/', pathNot: `^src/(${allowed}|$1)/` },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles are not allowed: the two modules belong in one file, or the shared part moves down a layer.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    onlyImports('core-imports-nothing', 'core', 'core',
      'core/ is the spec (types and tiny pure helpers): it imports nothing from elsewhere in src/.'),
    onlyImports('taxonomy-only-core', 'taxonomy', 'core',
      'taxonomy/ is spec-like data (frameworks, severities, severity rules, the gate language): it imports only core/.'),
    onlyImports('stats-only-core', 'stats', 'core',
      'stats/ is pure statistics over core types: it imports only core/.'),
    onlyImports('store-only-core', 'store', 'core',
      'store/ implements core\'s RunStore interface: it imports only core/ (types it needs belong in core/).'),
    onlyImports('report-only-core-stats-taxonomy', 'report', 'core|stats|taxonomy',
      'report/ renders a run summary: it imports only core/, stats/ and taxonomy/ (the caller hands it the data).'),
    onlyImports('leaf-components-only-core', 'converters|classifiers|datasets', 'core',
      'converters/, classifiers/ and datasets/ are leaf components: each imports only core/ (and nothing from each other).'),
    onlyImports('layers-only-core-classifiers-targets', 'layers', 'core|classifiers|targets',
      'layers/ (defenses) import only core/, the shared detectors in classifiers/, and targets/ (external guards reuse its HTTP transport and failure mapping; targets/ never imports layers/).'),
    onlyImports('targets-and-scorers-only-core-and-classifiers', 'targets|scorers', 'core|classifiers|agents',
      'targets/ and scorers/ import only core/, the shared detectors in classifiers/ and the simulated tool environments in agents/.'),
    onlyImports('agents-only-core', 'agents', 'core',
      'agents/ (simulated tool environments and the tool-calling loop) imports only core/: targets run it, the engine never needs it.'),
    onlyImports('ml-only-core-and-targets', 'ml', 'core|targets',
      'ml/ (classic ML: classifier targets, evasion, extraction and membership-inference attacks, demo victims) imports only core/ and targets/ (its HTTP classifier reuses the transport and failure mapping); the engine and api/ run it.'),
    onlyImports('techniques-only-core-classifiers-datasets', 'techniques', 'core|classifiers|datasets',
      'techniques/ import only core/, the shared detectors in classifiers/ and dataset readers for their material (datasets/).'),
    onlyImports('mcp-only-core-classifiers-converters', 'mcp', 'core|classifiers|converters',
      'mcp/ (the static audit of MCP servers: rules, pins) imports only core/, the shared detectors in classifiers/ and the invisible-character and Unicode-tag helpers in converters/; it never talks to a server (api/ does, with the SDK).'),
    onlyImports('queue-only-core-and-engine', 'queue', 'core|engine',
      'queue/ (distributed scans on BullMQ and Redis: slice jobs, the shared rate limiter and run budget) imports only core/ and engine/ (the interfaces it implements); api/ wires it to the store and the run.'),
    onlyImports('engine-only-core-and-components', 'engine', `core|${COMPONENTS}`,
      'engine/ runs components against a RunStore it is given: it imports only core/ and components, never store/, report/, config/, api/ or cli/.'),
    onlyImports('config-only-core-taxonomy-components', 'config', `core|taxonomy|${COMPONENTS}`,
      'config/ validates redline.yaml against component and taxonomy schemas: it imports only core/, taxonomy/ and components, never report/, store/, engine/, api/ or cli/.'),
    onlyImports('calibration-below-api', 'calibration', `core|stats|taxonomy|config|${COMPONENTS}`,
      'calibration/ measures scorers on labelled sets: it imports only core/, stats/, taxonomy/, config/ and components, never engine/, store/, report/, api/ or cli/.'),
    onlyImports('cli-only-through-api', 'cli', 'core|api|server',
      'cli/ reaches the library only through api/ (plus core/ types and errors, and server/ for `redline serve`); never store/, engine/, report/ or a component directly.'),
    onlyImports('server-only-through-api', 'server', 'core|api',
      'server/ (the dashboard) reaches the library only through api/ (plus core/ types and errors); never store/, engine/, report/ or a component directly.'),
    {
      name: 'nothing-imports-cli',
      comment: 'cli/ and server/ are the top: no other module imports them (move what is shared down into api/ or core/); only cli/ starts the server.',
      severity: 'error',
      from: { path: '^src/', pathNot: [TEST, '^src/(cli|server)/'] },
      to: { path: '^src/(cli|server)/' },
    },
    {
      name: 'server-never-imports-cli',
      comment: 'server/ answers requests; cli/ parses command lines and exits: the server never reaches into it.',
      severity: 'error',
      from: { path: '^src/server/', pathNot: TEST },
      to: { path: '^src/cli/' },
    },
    {
      name: 'sqlite-only-in-store',
      comment: 'Only store/ talks to SQLite; everything else, tests included, goes through the RunStore interface or the read-only helpers store/sqlite exports.',
      severity: 'error',
      from: { pathNot: '^src/store/' },
      to: { path: '^node_modules/(@types/)?better-sqlite3/' },
    },
    {
      name: 'shipped-code-not-to-tests',
      comment: 'Shipped code never imports a test or a test helper.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { path: [TEST, '^test/'] },
    },
    {
      name: 'shipped-code-not-to-dev-deps',
      comment: 'Shipped code imports only packages in "dependencies" (or optional peers it loads lazily): a devDependency is not installed for users.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      // An optional peer (node-llama-cpp) is also a devDependency, for the tests: users install it themselves.
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['npm-peer'] },
    },
  ],
  options: {
    // TypeScript 7 has no JS compiler API and the `tsc` parser needs typescript < 7: swc parses .ts (ADR 011).
    parser: 'swc',
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-bench)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
