/** The value at a path of keys in plain data, or undefined where the path leaves it. */
export function valueAt(source: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = source;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * Dotted paths split once: cards, the chart note and the engine's missing-field list read the same
 * few dozen case paths many times a turn. The bound only guards against paths of a caller's own.
 */
const splitPaths = new Map<string, readonly string[]>();
const SPLIT_PATHS_KEPT = 1000;

function keysOf(path: string): readonly string[] {
  let keys = splitPaths.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    if (splitPaths.size >= SPLIT_PATHS_KEPT) splitPaths.clear();
    splitPaths.set(path, keys);
  }
  return keys;
}

/** The value at a dotted case path ("therapy.steroids") in plain data, without trusting its shape. */
export const valueAtPath = (source: unknown, path: string): unknown => valueAt(source, keysOf(path));

/** Writes a value at a dotted case path ("history.pregnant"), creating the parent objects on the way. */
export function setValueAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    const child = node[key];
    const next = typeof child === 'object' && child !== null ? (child as Record<string, unknown>) : {};
    node[key] = next;
    node = next;
  }
  node[last] = value;
}
