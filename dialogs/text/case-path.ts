/** Writes a value at a dotted case path ("history.pregnant"), creating the parent objects. */
export function setCasePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, ...tail] = path.split('.');
  if (head === undefined) return;
  if (tail.length === 0) {
    target[head] = value;
    return;
  }
  const existing = target[head];
  const child =
    typeof existing === 'object' && existing !== null ? (existing as Record<string, unknown>) : {};
  target[head] = child;
  setCasePath(child, tail.join('.'), value);
}
