import v8 from 'node:v8';

/**
 * Lets the JS heap grow by at most a factor of 2 between full collections. V8 chooses up to 4 on a machine with
 * much memory, so an IATI import holding 30 MB of live objects peaked at 110 MB of heap; with the embedded
 * database (150 MB of its own) the process went over 400 MB. At 2 the import peaks at 360–375 MB and takes 10–11 s
 * instead of 8–10 s (docs/benchmarks.md). Unlike a heap limit (--max-old-space-size), nothing is capped: a large
 * spreadsheet import can still use what it needs. Called first by the devcoop command (bin/devcoop.js).
 */
export function limitHeapGrowth() {
  v8.setFlagsFromString('--heap-growing-percent=100');
}
