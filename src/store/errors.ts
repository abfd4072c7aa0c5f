/** Why a store call failed, as a code callers can branch on; the message names the thing and the reason. */
export type StoreErrorCode = 'unknown-article' | 'id-collision' | 'invalid-input';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    /** For a refused batch: the index of the item refused (the ingest port's contract). */
    readonly rejectedItem?: number,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
