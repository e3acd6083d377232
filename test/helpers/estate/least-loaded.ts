import { Random } from '../../../src/util/random';
import { DemoHost } from './model';

/**
 * The long tail's host choice, as `chooseHost` makes it without an anti-affinity partner: a random host among those
 * of the cluster holding at most two VMs more than the emptiest one, in host order. Kept as counts and a Fenwick tree
 * over the hosts' positions, so an estate of 200,000 VMs (bench:collect) is built in seconds, not in hours; the same
 * random draws pick the same hosts as the filter it replaces (the demo estate stays byte-identical).
 */
export class LeastLoaded {
  private readonly count: number[];
  /** How many hosts hold each number of VMs. */
  private readonly hostsWith: number[] = [];
  private readonly tree: Int32Array;
  private min: number;
  private eligible = 0;

  constructor(private readonly hosts: DemoHost[]) {
    this.count = hosts.map((h) => h.vms.length);
    this.tree = new Int32Array(hosts.length + 1);
    this.min = Math.min(...this.count);
    for (const c of this.count) this.hostsWith[c] = (this.hostsWith[c] ?? 0) + 1;
    this.count.forEach((c, i) => c <= this.min + 2 && this.mark(i, 1));
  }

  /** Draws a host and records that it got one more VM. */
  place(rng: Random): DemoHost {
    const i = this.kth(Math.floor(rng.next() * this.eligible));
    const before = this.count[i]++;
    this.hostsWith[before]--;
    this.hostsWith[before + 1] = (this.hostsWith[before + 1] ?? 0) + 1;
    if (this.count[i] > this.min + 2) this.mark(i, -1);
    if (before === this.min && this.hostsWith[before] === 0) {
      this.min++;
      this.count.forEach((c, j) => c === this.min + 2 && this.mark(j, 1));
    }
    return this.hosts[i];
  }

  private mark(i: number, delta: number): void {
    this.eligible += delta;
    for (let p = i + 1; p < this.tree.length; p += p & -p) this.tree[p] += delta;
  }

  /** Position of the k-th (0-based) eligible host. */
  private kth(k: number): number {
    let pos = 0;
    let rest = k + 1;
    for (let step = 1 << Math.floor(Math.log2(this.tree.length)); step > 0; step >>= 1) {
      if (pos + step < this.tree.length && this.tree[pos + step] < rest) {
        pos += step;
        rest -= this.tree[pos];
      }
    }
    return pos;
  }
}
