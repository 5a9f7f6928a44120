/**
 * Numbers as lab systems and clinicians write them: "0.8", "2,5" (decimal comma), "1,200"
 * (thousands grouping: a non-zero group of 1-3 digits followed by groups of exactly three),
 * ".8", scientific notation ("1.2e3", "1e-10"), and an attached minus ("-5") so that a negative
 * value reaches the plausibility check instead of being silently read as positive.
 */
export const NUMBER_PATTERN = String.raw`[-−]?(?:[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:[.,]\d+)?(?:[eE][+-]?\d+(?![\d.,]))?|[.,]\d+)`;

export function parseReportedNumber(text: string): number | undefined {
  const unsigned = text.replace(/^[-−]/, '');
  const negative = unsigned.length !== text.length;
  const normalised = /^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/.test(unsigned)
    ? unsigned.replace(/,/g, '')
    : unsigned.replace(',', '.');
  const value = Number(normalised);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}
