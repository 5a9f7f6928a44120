/** The value at a path of keys in plain data, or undefined where the path leaves it. */
export function valueAt(source: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = source;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The value at a dotted case path ("therapy.steroids") in plain data, without trusting its shape. */
export const valueAtPath = (source: unknown, path: string): unknown => valueAt(source, path.split('.'));

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
