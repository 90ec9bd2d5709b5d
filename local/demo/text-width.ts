/**
 * How wide text shows: in a terminal, CJK characters take two columns; in the SVG chart (13 px
 * sans-serif), about 13 px against about 7.5 px for Latin. Tables and labels are sized with these.
 */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns of `text`. */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/** `text` padded with spaces to `width` columns, on the right (`end`) or the left (`start`). */
export function pad(text: string, width: number, side: 'end' | 'start'): string {
  const fill = ' '.repeat(Math.max(0, width - columns(text)));
  return side === 'end' ? text + fill : fill + text;
}

/** An upper estimate of the rendered width in px of `text` at `fontSize` px sans-serif. */
export function pixelWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : 0.6;
  return Math.ceil(em * fontSize);
}
