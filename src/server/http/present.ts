type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
export type Presented<R> = { [K in keyof R as K extends string ? Camel<K> : K]: R[K] };

/** A database row in the API's shape: snake_case columns become camelCase fields; internal columns are left out. */
export function present<R extends Record<string, unknown>, O extends keyof R = never>(row: R, omit: readonly O[] = []): Presented<Omit<R, O>> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if ((omit as readonly string[]).includes(k)) continue;
    out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  }
  return out as Presented<Omit<R, O>>;
}

/** A nested answer built from rows (a strategy with its outcomes and indicators) in the API's shape, all levels camelCase. */
export function presentDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(presentDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), presentDeep(v)]));
}
