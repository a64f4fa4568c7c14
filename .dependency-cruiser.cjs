// The layering check (issue 16, item 8): no import cycles in src, between files or between folders.
// `npm run lint` runs it (CI runs that); `npx depcruise src --config .dependency-cruiser.cjs` alone.
// Type-only imports count (tsPreCompilationDeps): they do not cycle at run time, but a folder that takes a
// type from a folder above it is tangled all the same; move the type down (src/shared, or a lower module).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A file reaches itself through its imports. Move the piece both need to a file below both.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      scope: 'folder',
      severity: 'error',
      comment:
        'A folder reaches itself through its files\' imports (db → modules/audit → db). Each folder has a level: ' +
        'shared at the bottom, then access, db, http, the modules and the areas (finance, reports, iati…), app.ts and main.ts on top; ' +
        'a folder imports only from below. Move the shared piece down, or pass it in from above.',
      from: {},
      to: { circular: true },
    },
    // The folder rule compares sibling folders only, not src/server's own files with its folders: so these say
    // where those files stand. errors, logger, config and heap are at the bottom; deps.ts (what the app is built
    // from) stands on db alone; app.ts and main.ts are the top (main.ts starts app.ts; the CLI starts main.ts).
    {
      name: 'server-root-bottom',
      severity: 'error',
      comment: 'errors.ts, logger.ts, config.ts and heap.ts are imported by every folder: they import none of them.',
      from: { path: '^src/server/(errors|logger|config|heap)\\.ts$' },
      to: { path: '^src/server/.+/' },
    },
    {
      name: 'server-deps-above-db',
      severity: 'error',
      comment: 'deps.ts is built from db: db does not import it.',
      from: { path: '^src/server/db/' },
      to: { path: '^src/server/deps\\.ts$' },
    },
    {
      name: 'server-top',
      severity: 'error',
      comment: 'app.ts and main.ts wire everything together: nothing in the server imports them (main.ts starts app.ts).',
      from: { path: '^src/server/', pathNot: '^src/server/main\\.ts$' },
      to: { path: '^src/server/(app|main)\\.ts$' },
    },
  ],
  options: {
    // Tests sit beside their modules and use test/helpers, which use the server: that is a test's view from
    // outside, not layering. Nothing imports a test, so no cycle of files can run through one.
    exclude: { path: '\\.test\\.tsx?$' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
