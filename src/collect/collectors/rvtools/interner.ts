/**
 * One string object per distinct value of the columns that repeat (vCenter, cluster, host, OS, ...). A cell read
 * from a CSV chunk is a slice of that chunk, so 200,000 rows would keep every chunk and millions of small strings
 * alive; the canonical copy is shared instead, and later Map lookups by it (host join, OS family) hit a string
 * whose hash is already known. Unique-looking values stop being remembered past a cap.
 *
 * Each column has a slot remembering the last few values it gave: most columns hold a handful of values (power
 * state, OS, owner, environment) or repeat the previous row, so a few string compares usually answer before the map.
 * Rows from the threaded CSV reader usually carry these columns as shared strings already (`shared`): kept as is.
 */
const RECENT = 4;
const MAX_REMEMBERED = 50000;

export class Interner {
  /** The row being read came with its repeating columns as shared strings: nothing to intern. */
  shared = false;
  private readonly known = new Map<string, string>();
  /** Per slot: the last RECENT distinct values (round robin), and where the next one goes. */
  private readonly recent: (string | undefined)[][] = [];
  private readonly next: number[] = [];

  constructor(slots: number) {
    this.addSlots(slots);
  }

  /** Adds `n` slots; returns the number of the first. */
  addSlots(n: number): number {
    const first = this.recent.length;
    for (let i = 0; i < n; i++) {
      this.recent.push(new Array<string | undefined>(RECENT).fill(undefined));
      this.next.push(0);
    }
    return first;
  }

  /** The canonical string for `v` (`always`: even on a shared row, for values made anew, e.g. lower-cased). */
  intern<S extends string | undefined>(v: S, slot: number, always = false): S {
    if (v === undefined || (this.shared && !always)) return v;
    const recent = this.recent[slot];
    for (let i = 0; i < RECENT; i++) if (v === recent[i]) return recent[i] as S;
    let known = this.known.get(v);
    if (known === undefined) {
      known = v;
      if (this.known.size < MAX_REMEMBERED) this.known.set(v, v);
    }
    recent[this.next[slot]] = known;
    this.next[slot] = (this.next[slot] + 1) % RECENT;
    return known as S;
  }
}
