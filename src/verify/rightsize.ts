/**
 * `verify` of a right-sized plan (issue 19.1), with the verifier's own arithmetic (not src/plan/rightsize.ts):
 * each recommendation is recomputed from the inventory and the config's policy.rightsize, and the capacity checks then
 * run on the VMs reshaped to the recommendation the plan records (vCPUs and memory replaced, a % figure rescaled so the
 * absolute use stays).
 *
 *   vCPUs after  = clamp(⌈used × (1 + headroom)⌉, max(1, ⌈vCPUs × (1 − maxShrink)⌉), max(vCPUs, ⌊vCPUs × (1 + maxGrowth)⌋)),
 *                  and vCPUs when used × (1 + headroom) ≤ vCPUs would round above it; used = vCPUs × % / 100, or MHz / clock
 *   memory after = the same on MiB with the step of the size: 512 MiB below 4 GiB, 1 GiB below 16, 2 GiB below 64, 4 GiB
 */
import type { Workload, MetricUtil } from '../inventory/schema';
import type { RightsizeRow } from '../plan/types';
import type { Ctx } from './context';
import { utilFigure } from './demand';

const step = (mib: number) => (mib >= 65536 ? 4096 : mib >= 16384 ? 2048 : mib >= 4096 ? 1024 : 512);
const EPS = 1e-9;

function clamp(need: number, rounded: number, now: number, lo: number, hi: number): number {
  const v = need <= now && rounded > now ? now : rounded;
  return Math.min(Math.max(v, lo), hi);
}

function expectedVcpus(ctx: Ctx, w: Workload, rs: NonNullable<Ctx['config']['policy']['rightsize']>): number | undefined {
  const m = w.utilization.cpu;
  const u = utilFigure(m, ctx.policy.percentiles?.cpu ?? ctx.policy.percentile);
  if (m === undefined || u === undefined) return undefined;
  let ghz = ctx.policy.defaultCpuGhz;
  const host = w.location.hostId !== undefined ? ctx.invHosts.get(w.location.hostId) : undefined;
  if (w.cpuMhz !== undefined && w.cpuMhz > 0) ghz = w.cpuMhz / 1000;
  else if (host !== undefined && host.cpuMhz > 0) ghz = host.cpuMhz / 1000;
  const used = m.unit === 'MHz' ? u / 1000 / ghz : (u / 100) * w.vcpus;
  const lo = Math.max(1, Math.ceil(w.vcpus - w.vcpus * rs.maxShrink - EPS));
  const hi = Math.max(w.vcpus, Math.floor(w.vcpus + w.vcpus * rs.maxGrowth + EPS));
  return clamp(used * (1 + rs.headroom), Math.max(1, Math.ceil(used * (1 + rs.headroom) - EPS)), w.vcpus, lo, hi);
}

function expectedMemory(ctx: Ctx, w: Workload, rs: NonNullable<Ctx['config']['policy']['rightsize']>): number | undefined {
  const basis = ctx.policy.memoryBasis;
  const m: MetricUtil | undefined = basis === 'consumed' ? w.utilization.memory : basis === 'active' ? w.utilization.memoryActive : undefined;
  const u = utilFigure(m, ctx.policy.percentiles?.memory ?? ctx.policy.percentile);
  if (m === undefined || u === undefined) return undefined;
  const used = m.unit === 'MiB' ? u : (u / 100) * w.memoryMib;
  const up = (x: number) => step(x) * Math.ceil(x / step(x) - EPS);
  const down = (x: number) => step(x) * Math.floor(x / step(x) + EPS);
  const lo = Math.min(w.memoryMib, up(w.memoryMib - w.memoryMib * rs.maxShrink));
  const hi = Math.max(w.memoryMib, down(w.memoryMib + w.memoryMib * rs.maxGrowth));
  return clamp(used * (1 + rs.headroom), up(Math.max(1, used * (1 + rs.headroom))), w.memoryMib, lo, hi);
}

function reshaped(w: Workload, r: RightsizeRow): Workload {
  const scale = (m: MetricUtil | undefined, k: number): MetricUtil | undefined => {
    if (m === undefined || m.unit !== 'pct' || k === 1) return m;
    const o: MetricUtil = { ...m };
    for (const f of ['avg', 'peak', 'p50', 'p90', 'p95', 'p99'] as const) if (m[f] !== undefined) o[f] = m[f] * k;
    if (m.shape) o.shape = { ...m.shape, values: m.shape.values.map((v) => v * k) };
    return o;
  };
  const cpuK = w.vcpus / r.vcpusAfter;
  const memK = w.memoryMib / r.memoryMibAfter;
  const u = { ...w.utilization };
  const cpu = scale(u.cpu, cpuK);
  const mem = scale(u.memory, memK);
  const act = scale(u.memoryActive, memK);
  if (cpu) u.cpu = cpu;
  if (mem) u.memory = mem;
  if (act) u.memoryActive = act;
  return { ...w, vcpus: r.vcpusAfter, memoryMib: r.memoryMibAfter, utilization: u };
}

/**
 * The plan's right-sizing against the config: present exactly when policy.rightsize is on, every recommendation as
 * recomputed; then ctx.byId holds the reshaped VMs, so every later check sizes what the plan planned.
 */
export function checkRightsizing(ctx: Ctx): void {
  const rs = ctx.config.policy.rightsize;
  const rows = ctx.plan.rightsizing?.workloads;
  ctx.checks++;
  if (!rs || !rows) {
    if (rs || rows)
      ctx.violations.push({
        code: 'rightsize-mismatch',
        message: rs ? 'the config sets policy.rightsize but the plan carries no right-sizing' : 'the plan is right-sized but the config does not set policy.rightsize',
      });
    return;
  }
  for (const r of rows) {
    const w = ctx.byId.get(r.id);
    ctx.checks++;
    if (!w) {
      ctx.violations.push({ code: 'unknown-workload', workload: r.name, message: `the right-sizing lists workload id "${r.id}" (${r.name}), which is not in the inventory` });
      continue;
    }
    const vcpus = expectedVcpus(ctx, w, rs) ?? w.vcpus;
    const mib = expectedMemory(ctx, w, rs) ?? w.memoryMib;
    if (r.vcpus !== w.vcpus || r.memoryMib !== w.memoryMib || r.vcpusAfter !== vcpus || Math.abs(r.memoryMibAfter - mib) > 0.5)
      ctx.violations.push({
        code: 'rightsize-recommendation',
        workload: w.name,
        message: `${w.name}: the plan right-sizes ${r.vcpus} vCPU / ${r.memoryMib} MiB to ${r.vcpusAfter} / ${r.memoryMibAfter}; recomputed from the inventory: ${w.vcpus} / ${w.memoryMib} to ${vcpus} / ${mib}`,
      });
    ctx.byId.set(w.id, reshaped(w, r));
  }
}
