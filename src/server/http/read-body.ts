/**
 * Reads a request body while it is within `limit` bytes: the whole of it when it ends by then, or else a stream of
 * all of it (what was read, then the rest, still unread), for a job to receive (jobs/uploads.ts streams it to disk).
 * A route answers a small file at once and hands a large one to a job without holding it whole in memory twice.
 */
export async function readWithin(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
): Promise<{ bytes: Uint8Array; rest?: undefined } | { bytes?: undefined; rest: ReadableStream<Uint8Array> }> {
  if (!body) return { bytes: new Uint8Array() };
  const reader = body.getReader();
  const read: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: Buffer.concat(read, size) };
    read.push(value);
    size += value.length;
    if (size > limit) break;
  }
  return {
    rest: new ReadableStream<Uint8Array>({
      pull: async (controller) => {
        const head = read.shift();
        if (head) return controller.enqueue(head);
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    }),
  };
}
