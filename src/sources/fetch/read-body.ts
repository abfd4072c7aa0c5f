import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export type BodyResult = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: string };

const decoders: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  br: createBrotliDecompress,
  deflate: createInflate,
};

/**
 * Reads a response body, undoing its Content-Encoding, and stops as soon as the decoded size passes `maxBytes`:
 * the count is of bytes actually received, because a Content-Length can lie and a small gzip can inflate to
 * gigabytes.
 */
export async function readBody(body: Readable, contentEncoding: string | undefined, maxBytes: number): Promise<BodyResult> {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  let source: AsyncIterable<Buffer> = body;
  if (encoding !== 'identity' && encoding !== '') {
    const decoder = decoders[encoding];
    if (!decoder) {
      body.destroy();
      return { ok: false, reason: `unsupported Content-Encoding "${encoding}"` };
    }
    const stream = decoder();
    body.on('error', (error) => stream.destroy(error));
    body.pipe(stream);
    source = stream;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) {
        body.destroy();
        return { ok: false, reason: `response is over the ${(maxBytes / 1024 / 1024).toFixed(0)} MB limit` };
      }
      chunks.push(chunk);
    }
  } catch (error) {
    body.destroy();
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: encoding === 'identity' ? `body could not be read: ${message}` : `${encoding} body could not be decoded: ${message}` };
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
