import { ProgressEvent } from './types';

/**
 * Progress for `dcplan assess`, on stderr so stdout stays clean for `--json`. On a terminal: one line redrawn in place
 * with a bar over the four stages and a spinner; otherwise (CI logs, pipes): one plain line per stage event with the
 * elapsed time, e.g. `[   2.4s] plan     scenario dense-hosts (2/4)`.
 */
const STAGES = ['collect', 'plan', 'score', 'report'] as const;
const SPIN = ['|', '/', '-', '\\'];

export interface ProgressWriter {
  (e: ProgressEvent): void;
  /** Clears the in-place line (terminal mode) before the summary is printed. */
  done(): void;
}

export function progressWriter(out: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean }): ProgressWriter {
  const tty = !!out.isTTY;
  let tick = 0;
  let drawn = false;
  const fn = ((e: ProgressEvent) => {
    const secs = (e.elapsedMs / 1000).toFixed(1);
    if (!tty) {
      if (e.phase === 'start' && e.stage !== 'inputs') return; // the end line says what was done
      out.write(`[${secs.padStart(7)}s] ${e.stage.padEnd(8)} ${e.message}\n`);
      return;
    }
    if (e.stage === 'inputs') {
      out.write(`${e.message}\n`);
      return;
    }
    const i = STAGES.indexOf(e.stage);
    const within = e.phase === 'end' ? 1 : (e.fraction ?? 0);
    const share = (Math.max(0, i) + within) / STAGES.length;
    const width = 24;
    const full = Math.round(share * width);
    const bar = '#'.repeat(full) + '.'.repeat(width - full);
    const line = `${SPIN[tick++ % SPIN.length]} [${bar}] ${secs}s ${e.stage}: ${e.message}`;
    const cols = (out as NodeJS.WriteStream).columns ?? 100;
    out.write(`\r\x1b[2K${line.length > cols - 1 ? line.slice(0, cols - 2) + '…' : line}`);
    drawn = true;
    if (e.phase === 'end') {
      out.write(`\r\x1b[2K${secs.padStart(6)}s  ${e.stage.padEnd(8)} ${e.message}\n`);
      drawn = false;
    }
  }) as ProgressWriter;
  fn.done = () => {
    if (tty && drawn) out.write('\r\x1b[2K');
  };
  return fn;
}
