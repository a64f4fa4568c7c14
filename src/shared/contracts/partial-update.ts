import { z } from 'zod';

type WithoutDefault<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;
type UpdateShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<WithoutDefault<S[K]>> };

/**
 * The body of a partial update (PATCH) made from a create contract: every field optional and **no
 * defaults**, so a field left out stays undefined and the service leaves it as it is. `.partial()` alone
 * is not enough: zod applies an inner `.default([])` to a missing key, and a list left out would empty
 * the stored one. `partial-update.test.ts` holds every PATCH route of the API to this.
 */
export function partialUpdate<S extends z.ZodRawShape>(create: z.ZodObject<S>) {
  const shape = Object.fromEntries(Object.entries(create.shape).map(([key, field]) => [key, ((field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType).optional()]));
  return z.strictObject(shape as unknown as UpdateShape<S>);
}
