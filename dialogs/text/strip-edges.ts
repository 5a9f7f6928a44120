/**
 * Removes the given characters from both ends. A loop rather than `/[...]+$/`, which backtracks
 * quadratically on long runs of those characters in the middle of a message.
 */
export function stripEdges(text: string, edgeCharacters: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && edgeCharacters.includes(text.charAt(start))) start += 1;
  while (end > start && edgeCharacters.includes(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}
