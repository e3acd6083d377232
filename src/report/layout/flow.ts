/** A top-to-bottom flow of content over pages: keeps a cursor, starts a new page when the next thing does not fit. */
import { FontId, Measure, Page, PageGeometry, Prim, Theme } from './types';
import { wrap } from './text';

export const BODY_SIZE = 9.5;
export const BODY_LEADING = 13;

export class Flow {
  readonly pages: Page[] = [];
  y = 0;

  constructor(
    readonly m: Measure,
    readonly g: PageGeometry,
    readonly theme: Theme,
  ) {}

  get contentWidth(): number {
    return this.g.width - this.g.left - this.g.right;
  }

  get limit(): number {
    return this.g.height - this.g.bottom;
  }

  get page(): Page {
    return this.pages[this.pages.length - 1];
  }

  newPage(): void {
    this.pages.push({ prims: [] });
    this.y = this.g.top;
  }

  /** Space left on the current page. */
  remaining(): number {
    return this.limit - this.y;
  }

  /** Starts a new page unless `h` points still fit (and the page is not already empty). */
  ensure(h: number): void {
    if (this.pages.length === 0 || (this.y + h > this.limit && this.y > this.g.top)) this.newPage();
  }

  push(p: Prim): void {
    this.page.prims.push(p);
  }

  text(x: number, w: number, text: string, font: FontId, size: number, color: string, align: 'left' | 'right' | 'center' = 'left'): void {
    this.push({ t: 'text', x, y: this.y, w, text, font, size, color, align });
  }

  /** A wrapped paragraph that may continue on the next page line by line. */
  paragraph(text: string, opts: { font?: FontId; size?: number; leading?: number; color?: string; indent?: number; bullet?: string } = {}): void {
    const font = opts.font ?? 'regular';
    const size = opts.size ?? BODY_SIZE;
    const leading = opts.leading ?? BODY_LEADING;
    const indent = opts.indent ?? 0;
    const x = this.g.left + indent;
    const lines = wrap(this.m, text, font, size, this.contentWidth - indent);
    lines.forEach((line, i) => {
      this.ensure(leading);
      if (i === 0 && opts.bullet) this.text(x - 10, 10, opts.bullet, font, size, this.theme.accent);
      this.text(x, this.contentWidth - indent, line, font, size, opts.color ?? this.theme.text);
      this.y += leading;
    });
  }

  gap(h: number): void {
    this.y = Math.min(this.y + h, this.limit);
  }
}
