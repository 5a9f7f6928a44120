import type { RgbaImage } from './png';

type Rgba = readonly [number, number, number, number];

const ACCENT: Rgba = [0x0b, 0x53, 0x94, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const CLEAR: Rgba = [0, 0, 0, 0];

/**
 * The app's mark: an upward arrow (an elevated value) over a baseline. Shapes are in a unit
 * square so the same drawing serves the 192 px colour icon and the 32 px outline.
 */
function inMark(x: number, y: number): boolean {
  const inHead = y >= 0.18 && y <= 0.48 && Math.abs(x - 0.5) <= (y - 0.18) * 0.9;
  const inStem = y > 0.47 && y <= 0.72 && Math.abs(x - 0.5) <= 0.08;
  const inBaseline = y >= 0.78 && y <= 0.84 && x >= 0.22 && x <= 0.78;
  return inHead || inStem || inBaseline;
}

function draw(size: number, background: Rgba, foreground: Rgba): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const colour = inMark((px + 0.5) / size, (py + 0.5) / size) ? foreground : background;
      pixels.set(colour, (py * size + px) * 4);
    }
  }
  return { width: size, height: size, pixels };
}

/** Teams' full-colour icon: 192 x 192, the mark in white on the accent colour. */
export const colourIcon = (): RgbaImage => draw(192, ACCENT, WHITE);

/** Teams' outline icon: 32 x 32, white on a transparent background (Teams tints it). */
export const outlineIcon = (): RgbaImage => draw(32, CLEAR, WHITE);
