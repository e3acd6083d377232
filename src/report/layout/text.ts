/** Line breaking and truncation measured with the renderer's font metrics, so no text ever overflows its box. */
import { FontId, Measure } from './types';

const ELLIPSIS = '…';

/** Cuts text to fit `width`, ending with an ellipsis when anything was cut. */
export function truncate(m: Measure, text: string, font: FontId, size: number, width: number): string {
  if (m.width(text, font, size) <= width) return text;
  let lo = 0;
  let hi = text.length;
  // binary search on the longest prefix that fits with the ellipsis
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (m.width(text.slice(0, mid) + ELLIPSIS, font, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? (m.width(ELLIPSIS, font, size) <= width ? ELLIPSIS : '') : text.slice(0, lo).trimEnd() + ELLIPSIS;
}

/** Breaks one long word into pieces that each fit. */
function splitWord(m: Measure, word: string, font: FontId, size: number, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of word) {
    if (cur && m.width(cur + ch, font, size) > width) {
      out.push(cur);
      cur = ch;
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Greedy word wrap; words longer than a line are split. Explicit newlines are kept. */
export function wrap(m: Measure, text: string, font: FontId, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let cur = '';
    for (const word of para.split(/\s+/).filter((w) => w.length > 0)) {
      const candidate = cur ? `${cur} ${word}` : word;
      if (m.width(candidate, font, size) <= width) {
        cur = candidate;
        continue;
      }
      if (cur) lines.push(cur);
      if (m.width(word, font, size) <= width) cur = word;
      else {
        const pieces = splitWord(m, word, font, size, width);
        lines.push(...pieces.slice(0, -1));
        cur = pieces[pieces.length - 1] ?? '';
      }
    }
    lines.push(cur);
  }
  return lines;
}

/** Wraps, then keeps at most `maxLines`, the last one ending with an ellipsis when text was left out. */
export function wrapClamp(m: Measure, text: string, font: FontId, size: number, width: number, maxLines: number): string[] {
  const lines = wrap(m, text, font, size, width);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  // the last kept line carries the rest, cut with an ellipsis
  kept[maxLines - 1] = truncate(m, [kept[maxLines - 1], ...lines.slice(maxLines)].join(' ').trim(), font, size, width);
  return kept;
}
