import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `dcplan-report-${prefix}-`));
}

/** Text of a PDF as poppler's pdftotext sees it (-layout keeps table rows on one line). */
export function pdfText(file: string, layout = false): string {
  const r = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

/** Pages of a PDF, split on form feeds. */
export function pdfPages(file: string, layout = false): string[] {
  return pdfText(file, layout).split('\f').slice(0, -1);
}

/** Image XObjects as `pdfimages -list` reports them (one row per image placement). */
export function pdfImages(file: string): { page: number; width: number; height: number; type: string }[] {
  const r = spawnSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdfimages failed: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .map((c) => ({ page: Number(c[0]), type: c[2], width: Number(c[3]), height: Number(c[4]) }));
}
