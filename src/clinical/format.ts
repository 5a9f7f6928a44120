/** A multiple with one decimal place below 10, as the conversation shows it ("2.3x"). */
export const times = (x: number): string => `${Number(x.toFixed(x < 10 ? 1 : 0))}x`;

/** A signed whole percentage ("+80%"). */
export const signedPercent = (p: number): string => `${p >= 0 ? '+' : ''}${Math.round(p)}%`;

/** A lab number without float noise (0.1 + 0.2 shows as 0.3). */
export const amount = (n: number): string => String(Number(n.toPrecision(4)));

/** The R ratio with two decimals, as the assessment's derived values carry it: one rounding everywhere. */
export const ratio = (r: number): string => String(Math.round(r * 100) / 100);
