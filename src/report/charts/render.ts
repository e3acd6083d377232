/**
 * Draws chart.js charts server-side on @napi-rs/canvas (the only importer of the canvas) and returns PNG bytes.
 * No animation, fixed pixel ratio and size: the same spec gives the same PNG.
 */
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { encodeRgbPng } from './png';
import * as fs from 'fs';
import * as path from 'path';
import { Chart, registerables } from 'chart.js';
import { ChartSpec } from '../model/types';
import { REPORT_LOCALE } from '../format';

let registered = false;

const FONT_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu', '/usr/share/fonts/TTF'];

/**
 * Registers DejaVu Sans with the canvas explicitly: left to the system font lookup, the face a chart is drawn with can
 * differ from one render to the next (seen under load), and so would the PNG bytes.
 */
function chartFontFamily(): string {
  const dir = process.env.DCPLAN_FONT_DIR ?? FONT_DIRS.find((d) => fs.existsSync(path.join(d, 'DejaVuSans.ttf')));
  if (!dir) return 'sans-serif';
  GlobalFonts.registerFromPath(path.join(dir, 'DejaVuSans.ttf'), 'dcplan-chart');
  if (fs.existsSync(path.join(dir, 'DejaVuSans-Bold.ttf'))) GlobalFonts.registerFromPath(path.join(dir, 'DejaVuSans-Bold.ttf'), 'dcplan-chart');
  return 'dcplan-chart';
}

/** Pixels per PDF point: 3 gives sharp print at the chart sizes used (~200 dpi). */
const SCALE = 3;

export function renderChartPng(spec: ChartSpec): Buffer {
  if (!registered) {
    Chart.register(...registerables);
    Chart.defaults.font.family = chartFontFamily();
    Chart.defaults.font.size = 9;
    Chart.defaults.color = '#333d44';
    registered = true;
  }
  const canvas = createCanvas(Math.round(spec.width * SCALE), Math.round(spec.height * SCALE));
  const ctx = canvas.getContext('2d');
  // a white background, so the PNG does not depend on the viewer's page colour
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const options = structuredClone(spec.config.options ?? {});
  const config = {
    type: spec.config.type,
    data: structuredClone(spec.config.data),
    // a fixed locale for the tick labels: chart.js formats numbers with Intl in the process's locale otherwise (LANG=de_DE
    // drew an axis "1.400"), and the same input must give the same PDF byte for byte anywhere
    options: { ...options, locale: REPORT_LOCALE, animation: false, responsive: false, devicePixelRatio: SCALE, events: [] },
  };
  // chart.js reads the canvas's CSS size from width/height when not in a DOM
  (canvas as unknown as { style: Record<string, string> }).style = {};
  const chart = new Chart(
    ctx,
    config as unknown as ConstructorParameters<typeof Chart>[1],
  );
  chart.resize(spec.width, spec.height);
  chart.draw();
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  chart.destroy();
  return encodeRgbPng(pixels, canvas.width, canvas.height);
}

/** A user's logo (PNG or JPEG) flattened onto white as an opaque RGB PNG, for the PDF. */
export async function opaqueImagePng(data: Buffer): Promise<Buffer> {
  const img = await loadImage(data);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.drawImage(img, 0, 0);
  return encodeRgbPng(ctx.getImageData(0, 0, img.width, img.height).data, img.width, img.height);
}
