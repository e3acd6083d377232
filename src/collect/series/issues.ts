/**
 * Row-level bookkeeping for streamed files: every skipped row or cell is counted by reason; the first few of each
 * reason become problems with file and row, the rest are summed up in one problem, and skipped rows are listed in
 * `excluded` (capped per reason, the cap stated) so nothing is dropped silently and a 10 GB log cannot flood memory.
 */
import { Problem, Severity, problem } from '../../diagnostics';
import { Excluded } from '../../inventory/schema';

const LISTED_PER_CODE = 10;
const EXCLUDED_PER_CODE = 1000;

interface Tally {
  severity: Severity;
  count: number;
  rows: number[];
  message: string;
  hint?: string;
  skipsRow: boolean;
}

export class RowIssues {
  readonly problems: Problem[] = [];
  readonly excluded: Excluded[] = [];
  private readonly tallies = new Map<string, Tally>();

  constructor(readonly file: string) {}

  /**
   * Records an issue at `row`. `skipsRow` = the whole row was left out (listed in `excluded`), otherwise only a cell
   * or a value was. `message` describes this occurrence; `summary` (first call wins) describes the code in the roll-up.
   */
  add(
    code: string,
    severity: Severity,
    row: number,
    message: string,
    opts: { column?: string; skipsRow?: boolean; summary?: string; hint?: string } = {},
  ): void {
    let t = this.tallies.get(code);
    if (!t) {
      t = { severity, count: 0, rows: [], message: opts.summary ?? message, hint: opts.hint, skipsRow: !!opts.skipsRow };
      this.tallies.set(code, t);
    }
    t.count++;
    if (t.rows.length < LISTED_PER_CODE) {
      t.rows.push(row);
      this.problems.push(problem(severity, code, message, { file: this.file, row, column: opts.column }, opts.hint));
    }
    if (opts.skipsRow && t.count <= EXCLUDED_PER_CODE) {
      this.excluded.push({ kind: 'row', code, reason: message, provenance: { file: this.file, row } });
    }
  }

  count(code: string): number {
    return this.tallies.get(code)?.count ?? 0;
  }

  /** Adds one roll-up problem per code seen more often than listed individually. Call once at the end. */
  finish(): Problem[] {
    for (const [code, t] of this.tallies) {
      if (t.count <= LISTED_PER_CODE) continue;
      const cap = t.skipsRow && t.count > EXCLUDED_PER_CODE ? ` (the first ${EXCLUDED_PER_CODE} are listed in excluded)` : '';
      this.problems.push(
        problem(
          t.severity,
          code,
          `${t.count} rows in total: ${t.message}; first rows ${t.rows.join(', ')}${cap}`,
          { file: this.file },
          t.hint,
        ),
      );
    }
    return this.problems;
  }
}
