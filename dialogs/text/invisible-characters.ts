/**
 * Characters that do not show but change how text reads: zero-width spaces and joiners, the word
 * joiner, the soft hyphen, the byte-order mark and bidirectional marks. Text copied from lab
 * systems and PDFs carries them, and one inside a number splits it unseen ("3\u200b00" would read
 * as 3). They are removed before anything is read.
 */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** No-break, thin and other typographic spaces: read as an ordinary space. */
const UNUSUAL_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

export function withoutInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE, '').replace(UNUSUAL_SPACES, ' ');
}
