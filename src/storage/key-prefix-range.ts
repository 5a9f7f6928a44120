/**
 * The smallest string greater than every string that starts with `prefix`, in code point order
 * (which is the byte order of UTF-8, so SQLite's BINARY and PostgreSQL's "C" collation agree):
 * `key >= prefix AND key < upper` is then a range scan on the key's index that holds exactly the
 * keys starting with `prefix`, where `substr` or `starts_with` would read the whole table.
 * `undefined` for a prefix with no upper bound (empty, or made of U+10FFFF only).
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const codePoints = Array.from(prefix);
  while (codePoints.length > 0) {
    const last = codePoints.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      // The code point after the last one; surrogates are not characters, so skip over them.
      const next = last + 1 >= 0xd800 && last + 1 <= 0xdfff ? 0xe000 : last + 1;
      return codePoints.join('') + String.fromCodePoint(next);
    }
  }
  return undefined;
}
