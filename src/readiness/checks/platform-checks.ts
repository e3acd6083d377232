import { cmpText } from '../order';
import { z } from 'zod';
import { Evidence } from '../types';
import { formatFactValue, Platform } from '../model';
import { pct } from '../estate';
import { CheckResult, PlatformCheck } from './types';

/** The small library of checks criteria use. Options are strict: an unknown option is a lint error. */

const Scalar = z.union([z.boolean(), z.number(), z.string()]);
const WithoutInventory = z.enum(['pass', 'fail']);

export function factEvidence(p: Platform, key: string): Evidence {
  const f = p.facts[key];
  return { kind: 'fact', key, value: f ? formatFactValue(f.value) : 'not stated', source: f?.source };
}

const noEstate = (outcome: 'pass' | 'fail', what: string): CheckResult => ({
  pass: outcome === 'pass',
  evidence: [],
  note: `no inventory given, so ${what} could not be weighed`,
  notRun: 'no inventory given',
});

const factEquals: PlatformCheck<{ fact: string; value: z.infer<typeof Scalar> }> = {
  id: 'fact-equals',
  summary: 'a platform fact equals a value',
  options: z.strictObject({ fact: z.string(), value: Scalar }),
  factsUsed: (o) => [o.fact],
  run: (o, { platform }) => ({
    pass: platform.facts[o.fact]?.value === o.value,
    evidence: [factEvidence(platform, o.fact)],
  }),
};

const factIn: PlatformCheck<{ fact: string; values: (string | number)[] }> = {
  id: 'fact-in',
  summary: 'a platform fact is one of the listed values',
  options: z.strictObject({ fact: z.string(), values: z.array(z.union([z.string(), z.number()])).min(1) }),
  factsUsed: (o) => [o.fact],
  run: (o, { platform }) => {
    const v = platform.facts[o.fact]?.value;
    return {
      pass: (typeof v === 'string' || typeof v === 'number') && o.values.includes(v),
      evidence: [factEvidence(platform, o.fact)],
    };
  },
};

const factIncludes: PlatformCheck<{ fact: string; values: string[] }> = {
  id: 'fact-includes',
  summary: 'a list fact contains every listed value',
  options: z.strictObject({ fact: z.string(), values: z.array(z.string()).min(1) }),
  factsUsed: (o) => [o.fact],
  run: (o, { platform }) => {
    const v = platform.facts[o.fact]?.value;
    return {
      pass: Array.isArray(v) && o.values.every((x) => v.includes(x)),
      evidence: [factEvidence(platform, o.fact)],
    };
  },
};

const factAtLeast: PlatformCheck<{ fact: string; min: number; nullMeans: 'pass' | 'fail' }> = {
  id: 'fact-at-least',
  summary: 'a numeric platform fact is at least a minimum (null = no limit of its own)',
  options: z.strictObject({ fact: z.string(), min: z.number(), nullMeans: WithoutInventory.default('pass') }),
  factsUsed: (o) => [o.fact],
  run: (o, { platform }) => {
    const v = platform.facts[o.fact]?.value;
    return {
      pass: v === null ? o.nullMeans === 'pass' : typeof v === 'number' && v >= o.min,
      evidence: [factEvidence(platform, o.fact)],
    };
  },
};

const MEASURES = ['os-minority-share', 'ha-needing-share'] as const;

const estateShareBelow: PlatformCheck<{
  measure: (typeof MEASURES)[number];
  max: number;
  withoutInventory: 'pass' | 'fail';
}> = {
  id: 'estate-share-below',
  summary: 'a share of the estate is at most `max` (os-minority-share, ha-needing-share)',
  options: z.strictObject({ measure: z.enum(MEASURES), max: z.number().min(0).max(1), withoutInventory: WithoutInventory }),
  factsUsed: () => [],
  run: (o, { estate }) => {
    if (!estate) return noEstate(o.withoutInventory, o.measure === 'os-minority-share' ? 'the OS mix' : 'the need for HA');
    if (o.measure === 'os-minority-share') {
      if (estate.osMinorityShare === undefined || !estate.largestOsFamily)
        return { pass: o.withoutInventory === 'pass', evidence: [], note: 'the inventory has no guest OS families', notRun: 'no workload has a known guest OS family' };
      const counts = Object.entries(estate.osFamilyCounts)
        .sort((a, b) => cmpText(a[0], b[0]))
        .map(([f, n]) => `${f} ${n}`)
        .join(', ');
      const share = estate.osMinorityShare;
      return {
        pass: share <= o.max,
        evidence: [
          { kind: 'inventory', key: 'guest OS families', value: counts },
          { kind: 'inventory', key: 'share outside the largest OS family', value: pct(share) },
        ],
        note:
          share === 0
            ? `the whole estate with a known OS is ${estate.largestOsFamily.family}, so one pool serves it`
            : `${pct(share)} of the estate is not ${estate.largestOsFamily.family} and would need separate pools`,
      };
    }
    if (!estate.haNeeding)
      return {
        pass: o.withoutInventory === 'pass',
        evidence: [],
        note: 'the inventory has no environments or cluster HA settings',
        notRun: 'no workload environment and no cluster HA setting in the inventory',
      };
    const { count, share } = estate.haNeeding;
    return {
      pass: share <= o.max,
      evidence: [{ kind: 'inventory', key: 'workloads needing HA (production or HA cluster)', value: `${count} (${pct(share)})` }],
      note: `${count} workloads (${pct(share)}) are production or sit in HA-enabled clusters`,
    };
  },
};

const DIMENSIONS = { vcpus: 'vCPUs', memoryGib: 'GiB memory' } as const;

const maxWorkloadWithinLimit: PlatformCheck<{
  dimension: keyof typeof DIMENSIONS;
  limitFact: string;
  maxShareOver: number;
}> = {
  id: 'max-workload-within-limit',
  summary: "the estate's workloads fit a per-VM limit fact (at most `maxShareOver` of them may exceed it)",
  options: z.strictObject({
    dimension: z.enum(['vcpus', 'memoryGib']),
    limitFact: z.string(),
    maxShareOver: z.number().min(0).max(1),
  }),
  factsUsed: (o) => [o.limitFact],
  run: (o, { platform, estate }) => {
    const ev = [factEvidence(platform, o.limitFact)];
    const limit = platform.facts[o.limitFact]?.value;
    if (!estate || estate.workloads.length === 0) return { pass: true, evidence: ev };
    const size = (w: (typeof estate.workloads)[number]) => (o.dimension === 'vcpus' ? w.vcpus : w.memoryMib / 1024);
    let largest = estate.workloads[0];
    for (const w of estate.workloads) if (size(w) > size(largest) || (size(w) === size(largest) && w.name < largest.name)) largest = w;
    const unit = DIMENSIONS[o.dimension];
    ev.push({ kind: 'inventory', key: `largest workload (${unit})`, value: `${largest.name}: ${round(size(largest))} ${unit}` });
    if (typeof limit !== 'number') return { pass: true, evidence: ev };
    const over = estate.workloads.filter((w) => size(w) > limit).length;
    const share = over / estate.workloads.length;
    if (over > 0) ev.push({ kind: 'inventory', key: `workloads over ${limit} ${unit}`, value: over });
    return {
      pass: share <= o.maxShareOver,
      evidence: ev,
      note:
        over === 0
          ? undefined
          : `${over} workload(s) exceed the per-VM limit of ${limit} ${unit} (largest ${largest.name}, ${round(size(largest))} ${unit})`,
    };
  },
};

const hostsHaveFeature: PlatformCheck<{ feature: 'hardware-assist'; minShare: number; withoutInventory: 'pass' | 'fail' }> = {
  id: 'hosts-have-feature',
  summary: "the estate's existing hosts have a CPU feature (hardware-assist: VT-x / AMD-V, from CPU model or Max EVC)",
  options: z.strictObject({
    feature: z.enum(['hardware-assist']),
    minShare: z.number().min(0).max(1),
    withoutInventory: WithoutInventory,
  }),
  factsUsed: () => [],
  run: (o, { estate }) => {
    if (!estate) return noEstate(o.withoutInventory, 'the existing hosts');
    const h = estate.hostAssists;
    const known = h.withAssists + h.withoutAssists.length;
    const evidence: Evidence[] = [
      { kind: 'inventory', key: 'hosts with VT-x/AMD-V', value: `${h.withAssists} of ${h.total}` },
    ];
    if (h.withoutAssists.length > 0)
      evidence.push({ kind: 'inventory', key: 'hosts without VT-x/AMD-V', value: listNames(h.withoutAssists) });
    if (h.unknown.length > 0) evidence.push({ kind: 'inventory', key: 'hosts whose CPU could not be classified', value: listNames(h.unknown) });
    if (known === 0) {
      const why = h.total === 0 ? 'the inventory lists no hosts' : 'no host CPU model or EVC mode could be classified';
      return { pass: o.withoutInventory === 'pass', evidence, note: why, notRun: why };
    }
    const share = h.withAssists / known;
    return {
      pass: share >= o.minShare,
      evidence,
      note:
        h.withoutAssists.length === 0
          ? `all ${h.withAssists} classified existing hosts have VT-x/AMD-V`
          : `${h.withoutAssists.length} of ${known} classified existing hosts lack VT-x/AMD-V`,
    };
  },
};

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
function listNames(names: string[]): string {
  return names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
}

const migrationEffortAtMost: PlatformCheck<{ maxPointsPerWorkload: number }> = {
  id: 'migration-effort-at-most',
  summary: 'the estate\'s migration effort onto the platform is at most this many points per workload (rules/reference/migration-effort.yaml)',
  options: z.strictObject({ maxPointsPerWorkload: z.number().min(0) }),
  factsUsed: () => [],
  run: (o, { platform, migration }) => {
    const m = migration?.get(platform.id);
    if (!m) return { pass: false, evidence: [], notRun: 'no inventory given', notRated: 'no inventory given: migration effort is about this estate' };
    if (m.workloads === 0)
      return { pass: false, evidence: [], notRated: 'no workload to convert (appliances and re-platform cases are counted apart)' };
    const evidence: Evidence[] = [
      { kind: 'inventory', key: 'effort points per workload', value: m.pointsPerWorkload },
      { kind: 'inventory', key: 'workloads to convert', value: m.workloads },
      { kind: 'inventory', key: 'hands-on workloads', value: m.handsOn },
      ...m.routes.map((r): Evidence => ({ kind: 'fact', key: `route from ${r.from}`, value: `${r.tool} (${r.mode}), ${r.workloads} workload(s)`, ...(r.source ? { source: r.source } : {}) })),
    ];
    const main = m.routes[0];
    const note = `${m.pointsPerWorkload} points per workload over ${m.workloads} workload(s), ${m.handsOn} hands-on, ${m.replatform} to re-platform; main route ${main.from} → ${main.tool} (${main.mode})`;
    return { pass: m.pointsPerWorkload <= o.maxPointsPerWorkload, evidence, note };
  },
};

const licenceCostWithin: PlatformCheck<{ maxRatioToCheapest: number }> = {
  id: 'licence-cost-within',
  summary: "the platform's licence cost for this estate is at most this multiple of the cheapest rated platform's",
  options: z.strictObject({ maxRatioToCheapest: z.number().min(1) }),
  factsUsed: () => [],
  run: (o, { platform, costs }) => {
    const c = costs?.get(platform.id);
    if (!c || c.total === undefined) return { pass: false, evidence: [], notRated: c?.why ?? 'no licence cost configured' };
    const rated = [...(costs?.values() ?? [])].filter((x) => x.total !== undefined).map((x) => x.total!);
    const cheapest = Math.min(...rated);
    const ratio = cheapest > 0 ? c.total / cheapest : c.total === 0 ? 1 : Infinity;
    const evidence: Evidence[] = [
      { kind: 'inventory', key: `licence cost over ${c.years} years (${c.currency})`, value: c.total },
      { kind: 'inventory', key: `cheapest rated platform (${c.currency})`, value: cheapest },
      ...c.schemes.map((s): Evidence => ({ kind: 'inventory', key: `scheme ${s.name}`, value: `${s.units} ${s.unit}(s): ${s.purchase} purchase + ${s.yearly} a year = ${s.total}` })),
    ];
    const note = `${c.currency} ${c.total} over ${c.years} years${Number.isFinite(ratio) && ratio !== 1 ? `, ${Math.round(ratio * 100) / 100} × the cheapest` : ratio === 1 ? ', the cheapest' : ''}`;
    return { pass: ratio <= o.maxRatioToCheapest, evidence, note };
  },
};

export const PLATFORM_CHECKS: PlatformCheck[] = [
  factEquals,
  factIn,
  factIncludes,
  factAtLeast,
  estateShareBelow,
  maxWorkloadWithinLimit,
  hostsHaveFeature,
  migrationEffortAtMost,
  licenceCostWithin,
];
