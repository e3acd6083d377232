/** Positioned drawing primitives: what the PDF renderer draws, page by page. Coordinates in points, origin top-left. */
export type FontId = 'regular' | 'bold';

export type Prim =
  | { t: 'text'; x: number; y: number; w: number; text: string; font: FontId; size: number; color: string; align?: 'left' | 'right' | 'center'; goTo?: string; dest?: string }
  | { t: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { t: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number }
  /** `ref` names an image the renderer holds: a chart id or `logo`. */
  | { t: 'image'; x: number; y: number; w: number; h: number; ref: string }
  /** A bookmark in the PDF outline for the page it is on. */
  | { t: 'outline'; title: string };

export interface Page {
  prims: Prim[];
}

/** Text measurement, provided by the renderer (pdfkit's widthOfString), so the layout stays free of pdfkit. */
export interface Measure {
  width(text: string, font: FontId, size: number): number;
}

export interface PageGeometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A4 portrait with 50 pt side margins; header and footer sit in the top and bottom margins. */
export const A4: PageGeometry = { width: 595.28, height: 841.89, left: 50, right: 50, top: 64, bottom: 64 };

export interface Theme {
  accent: string;
  text: string;
  muted: string;
  rule: string;
  zebra: string;
}

export interface DocumentLayout {
  pages: Page[];
  toc: { title: string; page: number }[];
}
