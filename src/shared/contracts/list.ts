import { z } from 'zod';

/**
 * The one list envelope: `{ items, total }`, total being how many match (all of them, when a page is asked for).
 * A list that says more about its items (the currency they are in, the date they are as at, a totals row, a
 * cursor for the next page) extends it: `listOf(Row).extend({ currency: z.string() })`.
 */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
