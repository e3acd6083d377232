/**
 * Fonts for the PDF. DejaVu Sans (embedded, subset) when installed: it has every glyph user text may need (→, accents,
 * Cyrillic, ...). Otherwise pdfkit's built-in Helvetica, with text mapped to what its WinAnsi encoding can show.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface FontSet {
  regular: string;
  bold: string;
  /** Makes text printable in this font set. */
  printable: (text: string) => string;
}

const DEJAVU_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];

const WINANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACE: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '≠': '!=', '✓': 'yes', '✗': 'no' };

export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WINANSI_EXTRA.has(ch)) out += ch;
    else out += REPLACE[ch] ?? '?';
  }
  return out;
}

export function chooseFonts(): FontSet {
  const dir = process.env.DCPLAN_FONT_DIR ?? DEJAVU_DIRS.find((d) => fs.existsSync(path.join(d, 'DejaVuSans.ttf')));
  if (dir && fs.existsSync(path.join(dir, 'DejaVuSans.ttf')) && fs.existsSync(path.join(dir, 'DejaVuSans-Bold.ttf'))) {
    return { regular: path.join(dir, 'DejaVuSans.ttf'), bold: path.join(dir, 'DejaVuSans-Bold.ttf'), printable: (t) => t };
  }
  return { regular: 'Helvetica', bold: 'Helvetica-Bold', printable: winAnsi };
}
