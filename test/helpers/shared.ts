import * as fs from 'fs';
import * as path from 'path';

/**
 * The public sample datasets live beside the project in ../shared (never copied into the repo).
 * DCPLAN_SHARED overrides the location. A missing folder fails loudly: a skipped check is a defect.
 */
export function sharedDir(): string {
  return process.env.DCPLAN_SHARED ?? path.resolve(__dirname, '..', '..', '..', 'shared');
}

export function sharedPath(...parts: string[]): string {
  const p = path.join(sharedDir(), ...parts);
  if (!fs.existsSync(p)) {
    throw new Error(
      `shared sample not found: ${p}\n` +
        `The tests read public samples from ../shared beside the project; set DCPLAN_SHARED to its location.`,
    );
  }
  return p;
}
