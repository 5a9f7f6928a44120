/** Thrown by a `WorkupStorage.write` whose eTag no longer matches the stored item. */
export class ETagConflictError extends Error {
  override readonly name = 'ETagConflictError';

  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
  }
}

/** True for the error a write rejects with when another writer got there first. */
export function isETagConflict(error: unknown): error is ETagConflictError {
  return error instanceof ETagConflictError;
}
