/**
 * A request body read at most `limit` bytes far: null when it is longer. Chunked bodies have no Content-Length to check
 * first, so the body is counted as it arrives and reading stops at the limit (security bar B23).
 */
export async function readBoundedBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: the body may be one branch of a tee (request.clone()), whose cancel settles only when both are.
      void reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
}
