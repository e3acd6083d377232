import { createCanvas } from '@napi-rs/canvas';

/**
 * The fictional consultancy's logo for the report cover: a geometric mark only (no text, so the PNG does not depend on
 * the fonts installed on the machine that regenerates it — the bytes stay identical everywhere).
 */
export function drawLogo(accent = '#0f6e8c'): Buffer {
  const w = 240;
  const h = 80;
  const canvas = createCanvas(w, h);
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, w, h);
  // three rising bars: an estate shrinking to fewer, fuller hosts
  const bars = [
    { x: 14, h: 26, a: 0.45 },
    { x: 40, h: 42, a: 0.7 },
    { x: 66, h: 58, a: 1 },
  ];
  for (const b of bars) {
    g.globalAlpha = b.a;
    g.fillStyle = accent;
    g.fillRect(b.x, h - 11 - b.h, 20, b.h);
  }
  g.globalAlpha = 1;
  // a ring around the tallest bar's top: the "plan" being checked
  g.strokeStyle = '#f2a516';
  g.lineWidth = 5;
  g.beginPath();
  g.arc(76, 18, 12, 0, Math.PI * 2);
  g.stroke();
  // a wordmark made of blocks (no font)
  g.fillStyle = '#1f2d3d';
  for (let i = 0; i < 5; i++) g.fillRect(104 + i * 26, 30, 20, 8);
  g.fillStyle = accent;
  for (let i = 0; i < 4; i++) g.fillRect(104 + i * 26, 46, 20 - (i % 2) * 6, 6);
  return canvas.toBuffer('image/png');
}
