import type { SomeJobKind } from './job-kind.ts';

const kinds = new Map<string, SomeJobKind>();

/**
 * Every kind of job, by name: what a runner looks a claimed job up in. The areas define their kinds
 * (`<area>/<name>.job.ts`) and the app registers them (`app.ts`), so this folder depends on no area.
 */
export function registerJobKinds(list: readonly SomeJobKind[]): void {
  for (const k of list) kinds.set(k.kind, k);
}

export const jobKindNamed = (name: string): SomeJobKind | undefined => kinds.get(name);
