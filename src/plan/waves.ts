import { Inventory, Workload } from '../inventory/schema';

/**
 * Migration waves: which workloads move together, in which order.
 *
 * Groups first: workloads that must move together are one group — the same application (`application`), the members of
 * a DRS affinity rule (they run together today), and the workloads a `dependsOn` label names where the dependency is
 * mutual. A one-way `dependsOn` (label value: names separated by `,` or `;`) only orders: the dependency moves in the
 * same wave or an earlier one. Anti-affinity rules need no wave (they constrain hosts, not time).
 * Then waves: a pilot-friendly order (non-production before production, simpler before harder, smaller before larger,
 * then by name, so the same estate gives the same waves), filled first-fit up to the size limits; a group larger than a
 * limit gets a wave of its own and is said. Complexity per workload comes from the readiness findings when a scorecard
 * is given (critical 3, warning 1 per distinct rule), else from what the inventory shows (RDM or shared disks 3,
 * passthrough / SR-IOV / FT 3, snapshots 1, a disk over 2 TiB 1).
 */
/** Most workloads in one wave unless told otherwise (`dcplan waves --max-workloads`, the report's waves). */
export const DEFAULT_WAVE_WORKLOADS = 50;

export interface WaveOptions {
  /** Most workloads in one wave (default 50). */
  maxWorkloads: number;
  /** Most provisioned storage in one wave, GiB (default: no limit) — the data to copy in one window. */
  maxStorageGib?: number;
  /** Readiness findings per workload id: severities of distinct rules (from scorecard.json). */
  findings?: Map<string, ('critical' | 'warning' | 'info')[]>;
}

export interface WaveGroup {
  id: string;
  /** Why these workloads move together. */
  reason: string;
  workloads: string[];
  storageGib: number;
  complexity: number;
  production: boolean;
}

export interface Wave {
  wave: number;
  groups: WaveGroup[];
  workloads: number;
  storageGib: number;
  complexity: number;
}

export interface WavePlan {
  waves: Wave[];
  /** Workload id → wave number. */
  waveOf: Record<string, number>;
  notes: string[];
  options: { maxWorkloads: number; maxStorageGib: number | null; complexityFrom: 'scorecard' | 'inventory' };
}

class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    const [x, y] = [this.find(a), this.find(b)];
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

const PRODUCTION = /^(prod|production|prd|live)$/i;

function storageOf(w: Workload): number {
  return w.provisionedGib ?? w.disks.reduce((s, d) => s + d.capacityGib, 0);
}

export function inventoryComplexity(w: Workload): number {
  let c = 0;
  if (w.disks.some((d) => d.raw || (d.sharing !== undefined && !/none/i.test(d.sharing)))) c += 3;
  if ((w.config.passthroughDevices ?? 0) > 0 || (w.config.sriovNics ?? 0) > 0 || (w.config.ftState !== undefined && !/notconfigured|disabled/i.test(w.config.ftState))) c += 3;
  if ((w.config.snapshots ?? 0) > 0) c += 1;
  if (w.disks.some((d) => d.capacityGib > 2048)) c += 1;
  return c;
}

function findingsComplexity(severities: readonly string[]): number {
  return severities.reduce((s, v) => s + (v === 'critical' ? 3 : v === 'warning' ? 1 : 0), 0);
}

const splitNames = (v: string) => v.split(/[,;]/).map((s) => s.trim()).filter(Boolean);

export function planWaves(inventory: Inventory, opts: WaveOptions): WavePlan {
  const ws = inventory.workloads;
  const notes: string[] = [];
  const index = new Map<string, number>();
  ws.forEach((w, i) => {
    index.set(w.id, i);
    if (!index.has(w.name)) index.set(w.name, i);
  });
  const uf = new UnionFind(ws.length);
  const why = new Map<number, Set<string>>();
  const join = (a: number, b: number, reason: string) => {
    uf.union(a, b);
    for (const i of [a, b]) why.set(i, (why.get(i) ?? new Set()).add(reason));
  };
  const byApp = new Map<string, number>();
  ws.forEach((w, i) => {
    if (!w.application) return;
    const first = byApp.get(w.application);
    if (first === undefined) byApp.set(w.application, i);
    else join(first, i, `application ${w.application}`);
  });
  for (const r of inventory.drsRules ?? []) {
    if (r.type !== 'affinity') continue;
    const members = r.workloads.map((x) => index.get(x)).filter((i): i is number => i !== undefined);
    for (const m of members.slice(1)) join(members[0], m, `DRS affinity rule ${r.name}`);
  }
  // dependsOn: mutual pairs move together; one-way ones order the waves
  const deps = new Map<number, Set<number>>();
  ws.forEach((w, i) => {
    const v = w.labels.dependsOn ?? w.labels['depends-on'] ?? w.labels.depends_on;
    if (!v) return;
    for (const n of splitNames(v)) {
      const j = index.get(n);
      if (j === undefined) notes.push(`${w.name}: dependsOn names ${n}, which is not in the inventory`);
      else if (j !== i) deps.set(i, (deps.get(i) ?? new Set()).add(j));
    }
  });
  for (const [i, js] of deps) for (const j of js) if (deps.get(j)?.has(i)) join(i, j, 'depend on each other');

  const members = new Map<number, number[]>();
  ws.forEach((_, i) => members.set(uf.find(i), [...(members.get(uf.find(i)) ?? []), i]));
  const complexityOf = (i: number) =>
    opts.findings ? findingsComplexity(opts.findings.get(ws[i].id) ?? []) : inventoryComplexity(ws[i]);
  const groups = [...members.entries()].map(([root, idx]) => {
    const reasons = new Set<string>();
    for (const i of idx) for (const r of why.get(i) ?? []) reasons.add(r);
    const g: WaveGroup & { root: number; members: number[] } = {
      id: ws[root].name,
      reason: reasons.size > 0 ? [...reasons].sort().join('; ') : 'on its own',
      workloads: idx.map((i) => ws[i].name),
      storageGib: Math.round(idx.reduce((s, i) => s + storageOf(ws[i]), 0) * 100) / 100,
      complexity: idx.reduce((s, i) => s + complexityOf(i), 0),
      production: idx.some((i) => PRODUCTION.test(ws[i].environment ?? '')),
      root,
      members: idx,
    };
    return g;
  });
  groups.sort(
    (a, b) =>
      Number(a.production) - Number(b.production) ||
      a.complexity / a.members.length - b.complexity / b.members.length ||
      a.members.length - b.members.length ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

  // one-way dependencies: a group's wave is at least the wave of every group it depends on; placing in order and
  // retrying once the dependencies have waves keeps it simple (the estate's dependency graph is small and sparse)
  const groupOf = new Map<number, number>();
  groups.forEach((g, gi) => g.members.forEach((i) => groupOf.set(i, gi)));
  const needs = groups.map((g) => new Set(g.members.flatMap((i) => [...(deps.get(i) ?? [])].map((j) => groupOf.get(j)!)).filter((x) => x !== groupOf.get(g.members[0]))));
  const waves: (Wave & { groups: WaveGroup[] })[] = [];
  const waveOfGroup = new Array<number>(groups.length).fill(-1);
  let pending = groups.map((_, gi) => gi);
  while (pending.length > 0) {
    const next: number[] = [];
    for (const gi of pending) {
      const floors = [...needs[gi]].map((d) => waveOfGroup[d]);
      if (floors.some((f) => f < 0)) {
        next.push(gi);
        continue;
      }
      waveOfGroup[gi] = placeGroup(groups[gi], Math.max(0, ...floors), waves, opts, notes);
    }
    if (next.length === pending.length) {
      // a dependency cycle across groups: place the rest ignoring order, and say so
      notes.push(`dependency cycle among ${next.map((gi) => groups[gi].id).join(', ')}: placed without ordering`);
      for (const gi of next) waveOfGroup[gi] = placeGroup(groups[gi], 0, waves, opts, notes);
      break;
    }
    pending = next;
  }
  const waveOf: Record<string, number> = {};
  for (const w of waves) for (const g of w.groups) for (const name of g.workloads) waveOf[ws[index.get(name)!].id] = w.wave;
  return {
    waves: waves.map((w) => ({ ...w, storageGib: Math.round(w.storageGib * 100) / 100 })),
    waveOf,
    notes,
    options: { maxWorkloads: opts.maxWorkloads, maxStorageGib: opts.maxStorageGib ?? null, complexityFrom: opts.findings ? 'scorecard' : 'inventory' },
  };
}

/** First wave at or after `floor` with room for the group; a new one when none has. Returns the wave index. */
function placeGroup(g: WaveGroup, floor: number, waves: Wave[], opts: WaveOptions, notes: string[]): number {
  const fits = (w: Wave) =>
    w.workloads + g.workloads.length <= opts.maxWorkloads && (opts.maxStorageGib === undefined || w.storageGib + g.storageGib <= opts.maxStorageGib);
  let wi = waves.findIndex((w, i) => i >= floor && fits(w));
  if (wi < 0) {
    while (waves.length < floor) waves.push({ wave: waves.length + 1, groups: [], workloads: 0, storageGib: 0, complexity: 0 });
    waves.push({ wave: waves.length + 1, groups: [], workloads: 0, storageGib: 0, complexity: 0 });
    wi = waves.length - 1;
    if (!fits(waves[wi]))
      notes.push(`group ${g.id} (${g.workloads.length} workloads, ${Math.round(g.storageGib)} GiB) is larger than a wave's limit: it has wave ${wi + 1} to itself`);
  }
  const w = waves[wi];
  w.groups.push({ id: g.id, reason: g.reason, workloads: g.workloads, storageGib: g.storageGib, complexity: g.complexity, production: g.production });
  w.workloads += g.workloads.length;
  w.storageGib += g.storageGib;
  w.complexity += g.complexity;
  return wi;
}
