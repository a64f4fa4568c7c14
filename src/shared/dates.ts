/** A moment as its date in UTC, YYYY-MM-DD: how devcoop writes every date. */
export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

/** Today's date in UTC (YYYY-MM-DD): the one clock behind every "as at today" default, on the server and in the browser. */
export const today = (): string => isoDate(new Date());
