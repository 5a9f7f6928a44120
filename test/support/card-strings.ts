/**
 * Every human-readable string in an Adaptive Card: TextBlock texts, fact titles and values,
 * labels, button titles. Button `data` is left out: it is what a click sends, not what is shown.
 */
export const cardStrings = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(cardStrings);
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const own = ['text', 'title', 'value', 'label', 'fallbackText']
    .map((key) => record[key])
    .filter((value): value is string => typeof value === 'string');
  const nested = Object.entries(record)
    .filter(([key]) => key !== 'data')
    .flatMap(([, value]) => (typeof value === 'object' ? cardStrings(value) : []));
  return [...own, ...nested];
};
