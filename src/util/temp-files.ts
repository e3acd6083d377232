import * as fs from 'fs';

/**
 * Temporary files of atomic writes still open, removed on every way out: normal exit, an error, and SIGINT /
 * SIGTERM (Ctrl-C, a CI timeout). SIGKILL cannot be caught; its leftovers are `.<name>.<pid>.tmp` files that the
 * next run into the same folder removes (assess) or that can be deleted by hand.
 */
const open = new Set<string>();
let installed = false;

export function trackTemp(file: string): void {
  install();
  open.add(file);
}

export function untrackTemp(file: string): void {
  open.delete(file);
}

export function removeTemps(): void {
  for (const f of open) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // best effort: the process is leaving
    }
  }
  open.clear();
}

function install(): void {
  if (installed) return;
  installed = true;
  process.once('exit', removeTemps);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      removeTemps();
      process.stderr.write(`\ndcplan: stopped by ${signal}; partial outputs removed.\n`);
      process.exit(code);
    });
  }
}
