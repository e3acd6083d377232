/**
 * Right-sizing (issue 19.1): per VM, the vCPUs and memory its measured percentile needs with headroom, within bounds.
 * The formulas (printed in the report by `rightsizeFormulas`; `verify` recomputes them in src/verify/rightsize.ts):
 *
 *   used vCPUs  = vCPUs × CPU % / 100          (CPU % = the figure sizing picks at policy.percentiles.cpu; a figure in
 *               = CPU MHz / (clock GHz × 1000)  MHz over the VM's clock, as sizing.ts takes it)
 *   vCPUs after = ceil(used × (1 + headroom)), at least ceil(vCPUs × (1 − maxShrink)) and 1, at most
 *                 max(vCPUs, floor(vCPUs × (1 + maxGrowth)))
 *   used memory = memory × memory % / 100 on policy.memoryBasis (consumed or active) at policy.percentiles.memory, or
 *                 the MiB measured
 *   memory after= used × (1 + headroom) rounded up to a step (0.5 GiB below 4 GiB, 1 below 16, 2 below 64, else 4), at
 *                 least memory × (1 − maxShrink) rounded up to its step, at most max(memory, memory × (1 + maxGrowth)
 *                 rounded down to its step); a VM whose need (used × (1 + headroom)) is at most its size never grows by rounding
 *
 * A VM without the measured figure keeps that dimension as configured (no recommendation, said so); the confidence says
 * what the figure rests on (one snapshot reading, a summary figure, or a series and its samples).
 * With `policy.rightsize` the planner plans each VM reshaped to its recommendation (`rightsizedWorkload`): the vCPUs and
 * memory replaced, a utilisation in % of the allocation rescaled so the measured use stays the same.
 */
import type { Policy, Rightsize } from '../config/defaults';
import type { Host, MetricUtil, Workload } from '../inventory/schema';
import { metricPercentile, pickUtil, round, workloadClock } from './sizing';
import type { RightsizeRow, Rightsizing } from './types';

type Change = RightsizeRow['cpu'];
type Confidence = RightsizeRow['confidence'];

const GIB = 1024;

/** The memory step a size rounds to: 0.5 GiB below 4 GiB, 1 below 16, 2 below 64, 4 from 64 GiB. */
export function memoryStepMib(mib: number): number {
  if (mib < 4 * GIB) return 512;
  if (mib < 16 * GIB) return GIB;
  if (mib < 64 * GIB) return 2 * GIB;
  return 4 * GIB;
}

const upToStep = (mib: number) => Math.ceil(mib / memoryStepMib(mib) - 1e-9) * memoryStepMib(mib);
const downToStep = (mib: number) => Math.floor(mib / memoryStepMib(mib) + 1e-9) * memoryStepMib(mib);

/** `target` within [lo, hi]; a need at most `now` never rises above `now` through rounding. */
function bounded(need: number, target: number, now: number, lo: number, hi: number): { value: number; bound?: 'shrink' | 'growth' } {
  const t = need <= now ? Math.min(target, now) : target;
  if (t < lo) return { value: lo, bound: 'shrink' };
  if (t > hi) return { value: hi, bound: 'growth' };
  return { value: t };
}

const changeOf = (now: number, after: number): Change => (after < now ? 'shrink' : after > now ? 'grow' : 'same');

const figureName = (m: MetricUtil, figure: string) => (figure === 'snapshot' ? 'snapshot' : figure.toUpperCase());

function confidenceOf(metrics: MetricUtil[], stars: number | undefined): { level: Confidence; basis: string } {
  const rank: Confidence[] = ['none', 'low', 'medium', 'high'];
  let level = 'high' as Confidence;
  const parts: string[] = [];
  for (const m of metrics) {
    let l: Confidence;
    if (m.basis === 'snapshot') {
      l = 'low';
      parts.push('one snapshot reading');
    } else if (m.basis === 'series' || m.basis === 'percentile') {
      const enough = (m.samples ?? 0) >= 1000 && (m.coverage === undefined || m.coverage >= 0.8);
      l = enough ? 'high' : 'medium';
      parts.push(`${m.basis}${m.samples !== undefined ? ` of ${m.samples} samples` : ''}${m.coverage !== undefined ? `, coverage ${Math.round(m.coverage * 100)} %` : ''}`);
    } else {
      l = 'medium';
      parts.push(`${m.basis} figure`);
    }
    if (rank.indexOf(l) < rank.indexOf(level)) level = l;
  }
  if (stars !== undefined && stars <= 2 && level !== 'none') {
    level = 'low';
    parts.push(`data confidence ${stars} of 5`);
  }
  return { level: metrics.length === 0 ? 'none' : level, basis: [...new Set(parts)].join('; ') };
}

/** The recommendation for one VM (inventory figures; `hostsById` gives the clock of a VM measured in MHz). */
export function recommend(w: Workload, policy: Policy, rs: Rightsize, hostsById: Map<string, Host>): RightsizeRow {
  const h = 1 + rs.headroom;
  const reasons: string[] = [];
  const measured: MetricUtil[] = [];
  const row: RightsizeRow = {
    name: w.name,
    id: w.id,
    vcpus: w.vcpus,
    vcpusAfter: w.vcpus,
    memoryMib: w.memoryMib,
    memoryMibAfter: w.memoryMib,
    cpu: 'no-data',
    memory: 'no-data',
    confidence: 'none',
    reason: '',
  };

  const cm = w.utilization.cpu;
  const cu = pickUtil(cm, metricPercentile(policy, 'cpu'));
  if (cm && cu) {
    const ghz = workloadClock(w, hostsById, policy).ghz;
    const used = cm.unit === 'MHz' ? cu.value / (ghz * 1000) : (w.vcpus * cu.value) / 100;
    const lo = Math.max(1, Math.ceil(w.vcpus * (1 - rs.maxShrink) - 1e-9));
    const hi = Math.max(w.vcpus, Math.floor(w.vcpus * (1 + rs.maxGrowth) + 1e-9));
    const target = Math.max(1, Math.ceil(used * h - 1e-9));
    const b = bounded(used * h, target, w.vcpus, lo, hi);
    row.vcpusAfter = b.value;
    row.cpu = changeOf(w.vcpus, b.value);
    row.cpuUsed = round(used, 3);
    measured.push(cm);
    const what = cm.unit === 'MHz' ? `${round(cu.value, 0)} MHz at ${round(ghz, 2)} GHz` : `${round(cu.value, 1)} % of ${w.vcpus}`;
    reasons.push(`CPU ${figureName(cm, cu.figure)} ${what} = ${round(used, 2)} vCPU used, +${round(rs.headroom * 100, 1)} % → ${target}${boundWords(b.bound, b.value, 'vCPU', rs)}`);
  } else reasons.push('CPU: no measured utilisation, vCPUs kept');

  const basis = policy.memoryBasis;
  const mm = basis === 'consumed' ? w.utilization.memory : basis === 'active' ? w.utilization.memoryActive : undefined;
  const mu = pickUtil(mm, metricPercentile(policy, 'memory'));
  if (mm && mu) {
    const used = mm.unit === 'MiB' ? mu.value : (w.memoryMib * mu.value) / 100;
    const lo = Math.min(w.memoryMib, upToStep(w.memoryMib * (1 - rs.maxShrink)));
    const hi = Math.max(w.memoryMib, downToStep(w.memoryMib * (1 + rs.maxGrowth)));
    const target = upToStep(Math.max(used * h, 1));
    const b = bounded(used * h, target, w.memoryMib, lo, hi);
    row.memoryMibAfter = b.value;
    row.memory = changeOf(w.memoryMib, b.value);
    row.memoryUsedMib = round(used, 1);
    measured.push(mm);
    reasons.push(`memory ${basis} ${figureName(mm, mu.figure)} ${gib(used)} of ${gib(w.memoryMib)} GiB, +${round(rs.headroom * 100, 1)} % → ${gib(target)}${boundWords(b.bound, gib(b.value), 'GiB', rs)}`);
  } else reasons.push(basis === 'allocated' ? 'memory: memoryBasis allocated, no measured figure used, memory kept' : `memory: no measured ${basis} figure, memory kept`);

  const c = confidenceOf(measured, w.utilization.confidence);
  row.confidence = c.level;
  if (c.basis) row.confidenceBasis = c.basis;
  row.reason = measured.length === 0 ? 'no measured CPU or memory utilisation: no recommendation' : reasons.join('; ');
  return row;
}

function boundWords(bound: 'shrink' | 'growth' | undefined, value: number | string, unit: string, rs: Rightsize): string {
  if (bound === 'shrink') return `, held at ${value} ${unit} by maxShrink ${round(rs.maxShrink * 100, 1)} %`;
  if (bound === 'growth') return `, held at ${value} ${unit} by maxGrowth ${round(rs.maxGrowth * 100, 1)} %`;
  return ` ${unit}`;
}

const gib = (mib: number) => String(round(mib / GIB, 2));

/** The VM as the plan sizes it when right-sized: vCPUs and memory replaced, % figures rescaled to the new allocation. */
export function rightsizedWorkload(w: Workload, row: RightsizeRow): Workload {
  if (row.vcpusAfter === w.vcpus && row.memoryMibAfter === w.memoryMib) return w;
  const cpuK = w.vcpus / row.vcpusAfter;
  const memK = w.memoryMib / row.memoryMibAfter;
  const u = w.utilization;
  const utilization = { ...u };
  if (u.cpu) utilization.cpu = rescaled(u.cpu, cpuK);
  if (u.memory) utilization.memory = rescaled(u.memory, memK);
  if (u.memoryActive) utilization.memoryActive = rescaled(u.memoryActive, memK);
  return { ...w, vcpus: row.vcpusAfter, memoryMib: row.memoryMibAfter, utilization };
}

const FIGURES = ['avg', 'peak', 'p50', 'p90', 'p95', 'p99'] as const;

function rescaled(m: MetricUtil, k: number): MetricUtil {
  if (m.unit !== 'pct' || k === 1) return m;
  const out: MetricUtil = { ...m };
  for (const f of FIGURES) if (m[f] !== undefined) out[f] = m[f] * k;
  if (m.shape) out.shape = { ...m.shape, values: m.shape.values.map((v) => v * k) };
  return out;
}

/** Every in-scope VM's recommendation, and the totals the report prints. */
export function rightsizeScope(scope: readonly Workload[], policy: Policy, rs: Rightsize, hostsById: Map<string, Host>): Rightsizing {
  const rows = scope.map((w) => recommend(w, policy, rs, hostsById));
  const tally = (dim: 'cpu' | 'memory') => ({
    shrunk: rows.filter((r) => r[dim] === 'shrink').length,
    grown: rows.filter((r) => r[dim] === 'grow').length,
    unchanged: rows.filter((r) => r[dim] === 'same').length,
    noData: rows.filter((r) => r[dim] === 'no-data').length,
  });
  const sum = (f: (r: RightsizeRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  const byConfidence: Record<string, number> = {};
  for (const r of rows) byConfidence[r.confidence] = (byConfidence[r.confidence] ?? 0) + 1;
  return {
    assumptions: {
      headroom: rs.headroom,
      maxShrink: rs.maxShrink,
      maxGrowth: rs.maxGrowth,
      cpuPercentile: metricPercentile(policy, 'cpu'),
      memoryPercentile: metricPercentile(policy, 'memory'),
      memoryBasis: policy.memoryBasis,
    },
    summary: {
      workloads: rows.length,
      cpu: { ...tally('cpu'), vcpusBefore: sum((r) => r.vcpus), vcpusAfter: sum((r) => r.vcpusAfter) },
      memory: { ...tally('memory'), gibBefore: round(sum((r) => r.memoryMib) / GIB, 2), gibAfter: round(sum((r) => r.memoryMibAfter) / GIB, 2) },
      byConfidence,
    },
    workloads: rows,
  };
}

/** The right-sizing rule with the policy's numbers, printed beside the sizing formulas (only when it is on). */
export function rightsizeFormulas(policy: Policy): string[] {
  const rs = policy.rightsize;
  if (!rs) return [];
  const pct = (m: 'cpu' | 'memory') => {
    const p = metricPercentile(policy, m);
    return p >= 100 ? 'peak' : `P${p}`;
  };
  return [
    `right-sizing (policy.rightsize): vCPUs = ceil(vCPUs × CPU ${pct('cpu')} % / 100 × (1 + headroom ${rs.headroom})), ` +
      `between ceil(vCPUs × (1 − maxShrink ${rs.maxShrink})) and max(vCPUs, floor(vCPUs × (1 + maxGrowth ${rs.maxGrowth}))); ` +
      `memory = ${policy.memoryBasis} memory ${pct('memory')} × (1 + ${rs.headroom}) rounded up to 0.5 GiB below 4 GiB, 1 GiB below 16, 2 GiB below 64, else 4 GiB, within the same bounds; ` +
      'a VM without the measured figure keeps its size; the plan sizes each VM at its recommended vCPUs and memory (a % figure rescaled, so the measured use stays)',
  ];
}
