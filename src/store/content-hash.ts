import { createHash } from 'node:crypto';
import { normalizeForHash } from '../core/ids.js';

/**
 * core's contentHash, computed with node's native SHA-256: core must stay free of node: modules, so it carries
 * a JavaScript SHA-256 that costs about twice as much per article, and ingest hashes every article it sees.
 * Same normalisation, same digest, same hex (test/store/content-hash.test.ts holds them equal).
 */
export function fastContentHash(text: string): string {
  return createHash('sha256').update(normalizeForHash(text), 'utf8').digest('hex');
}
