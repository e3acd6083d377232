import { Problem } from './problem';

/** `file › sheet › row 12 › column "Memory"` — the location as a user reads it. */
export function formatLocation(p: Problem): string {
  const parts: string[] = [];
  if (p.file) parts.push(p.file);
  if (p.sheet) parts.push(`sheet ${p.sheet}`);
  if (p.row !== undefined) parts.push(`row ${p.row}`);
  if (p.column) parts.push(`column "${p.column}"`);
  if (p.path && p.path.length > 0) parts.push(p.path.join('.'));
  return parts.join(' › ');
}

export function formatProblem(p: Problem): string {
  const where = forTerminal(formatLocation(p));
  const head = `${p.severity.toUpperCase().padEnd(7)} ${p.code}${where ? ` at ${where}` : ''}`;
  return `${head}\n        ${forTerminal(p.message)}${p.hint ? `\n        hint: ${forTerminal(p.hint, Infinity)}` : ''}`;
}

/** Longest message text printed to the terminal (a 400 MB cell quoted in a warning filled stderr); JSON keeps it whole. */
export const TERMINAL_TEXT_MAX = 400;

/**
 * Text from the user's files made safe for a terminal: control characters (ESC sequences that recolour, move the
 * cursor or retitle the window) shown as `?`, and the text cut to TERMINAL_TEXT_MAX characters.
 */
export function forTerminal(s: string, max: number = TERMINAL_TEXT_MAX): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const clean = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}… (${clean.length - max} more characters)` : clean;
}

/** Renders problems, most severe first, capping each code at `perCode` lines so 10,000 skipped rows stay readable. */
export function formatProblems(problems: readonly Problem[], perCode = 20): string {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...problems].sort((a, b) => order[a.severity] - order[b.severity]);
  const shown = new Map<string, number>();
  const lines: string[] = [];
  const hidden = new Map<string, number>();
  for (const p of sorted) {
    const n = shown.get(p.code) ?? 0;
    if (n < perCode) {
      lines.push(formatProblem(p));
      shown.set(p.code, n + 1);
    } else hidden.set(p.code, (hidden.get(p.code) ?? 0) + 1);
  }
  for (const [code, n] of hidden) lines.push(`        … and ${n} more ${code} (all listed in the JSON output)`);
  return lines.join('\n');
}

export function countBySeverity(problems: readonly Problem[]): Record<'error' | 'warning' | 'info', number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const p of problems) c[p.severity]++;
  return c;
}
