import type { PartialCase } from '../src/clinical';

const GROUP_KEYS = ['therapy', 'history', 'symptoms', 'imaging', 'isoenzymes'] as const;
type GroupKey = (typeof GROUP_KEYS)[number];

function isGroupKey(key: string): key is GroupKey {
  return (GROUP_KEYS as readonly string[]).includes(key);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;
}

/**
 * Adds newly answered values to the case. Groups of independent answers (history, symptoms, ...)
 * merge member by member, so answering "fasting: yes" keeps the age given earlier. A lab result
 * replaces the previous one whole: a new value comes with its own unit and ULN, and keeping the
 * old ULN would silently mix two labs' reference ranges. Undefined never erases an answer.
 */
export function mergeCase(base: PartialCase, values: PartialCase): PartialCase {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (isGroupKey(key) && typeof value === 'object' && value !== null) {
      merged[key] = { ...(base[key] ?? {}), ...withoutUndefined(value) };
    } else {
      merged[key] = value;
    }
  }
  return merged as PartialCase;
}
