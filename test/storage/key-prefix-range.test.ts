import { prefixUpperBound } from '../../src/storage/key-prefix-range';

/** Byte order of UTF-8, the order SQLite's BINARY and PostgreSQL's "C" collation compare keys in. */
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

describe('prefixUpperBound', () => {
  it('bounds exactly the keys that start with the prefix, in byte order', () => {
    const prefix = 'workup/msteams/user%201/';
    const upper = prefixUpperBound(prefix)!;
    const keys = [
      'workup/msteams/user%201/',
      'workup/msteams/user%201/c1',
      'workup/msteams/user%201/\u{10ffff}\u{10ffff}',
      'workup/msteams/user%2010/c1',
      'workup/msteams/user%201',
      'workup/msteams/user%2010',
      'workup/msteams/USER%201/c1',
      'workup/msteams/user%201 /c1',
      'workup/msteams/user%201\u00e9/c1',
      'workup/msteams/user%2010/',
    ];
    for (const key of keys) {
      const inRange = byteOrder(key, prefix) >= 0 && byteOrder(key, upper) < 0;
      expect({ key, inRange }).toEqual({ key, inRange: key.startsWith(prefix) });
    }
  });

  it('steps over the surrogate range and past a last U+10FFFF', () => {
    expect(prefixUpperBound('a\ud7ff')).toBe('a\ue000');
    expect(prefixUpperBound('ab\u{10ffff}')).toBe('ac');
    expect(prefixUpperBound('\u{10ffff}')).toBeUndefined();
    expect(prefixUpperBound('')).toBeUndefined();
  });
});
