import * as os from 'os';

/**
 * The machine's load beside a figure: seconds measured on a busy machine are not comparable with a quiet one's, so every
 * benchmark prints the 1-minute load average and the core count next to its timings (issue 18: figures with their load).
 */
export function loadNote(): string {
  return `load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`;
}
