/** Reads a dotted case path ("therapy.steroids") from a partial case without trusting its shape. */
export const readPath = (source: object, path: string): unknown => {
  let node: unknown = source;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
};
