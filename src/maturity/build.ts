import { Problem } from '../diagnostics';
import { Inventory, Workload } from '../inventory/schema';
import { computeIndicators } from './indicators';
import { answerLevels, evaluate, evidenceOf, levelOf } from './levels';
import { MaturityRules } from './loader';
import { MaturityCondition } from './rules-schema';
import { CapabilityLevel, Indicator, Maturity, MATURITY_SCHEMA, Reclaim, RoadmapStep } from './schema';
import { poweredOffVms, snapshotsOf, sprawlItems } from './sprawl';

export interface MaturityOptions {
  asOf: string;
  version: string;
  /** A snapshot older than this is old (default 3 days: VMware's 72 hours). */
  snapshotDays?: number;
  /** A powered-off VM created longer ago than this is old sprawl (default 90 days). */
  poweredOffDays?: number;
  /** Port-group names of the DMZ zone (default: containing "dmz"). */
  dmzNetwork?: RegExp;
  endOfSupportOf?: (os: Workload['os']) => string | undefined;
  /** Questionnaire answers (question id → option value), already checked against the questions. */
  answers?: { file: string; values: Record<string, string> };
  /** The reclaim scenario (today's plan beside one without idle, zombie and powered-off workloads), when planned. */
  reclaim?: Reclaim;
  problems?: Problem[];
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function refs(c: MaturityCondition): string[] {
  if ('all' in c) return c.all.flatMap(refs);
  if ('any' in c) return c.any.flatMap(refs);
  return 'indicator' in c ? [`indicator:${c.indicator}`] : [`answer:${c.answer}`];
}

/** What dcplan measures of a step's effect from the inventory alone (the reclaim plan's effect is passed in). */
function measuredEffects(inv: Inventory, o: Required<Pick<MaturityOptions, 'asOf' | 'snapshotDays' | 'poweredOffDays'>>): Record<string, string | undefined> {
  const oldOff = poweredOffVms(inv, o.asOf).filter((v) => (v.ageDays ?? -1) > o.poweredOffDays);
  const oldSnaps = snapshotsOf(inv, o.asOf).filter((s) => (s.ageDays ?? -1) > o.snapshotDays);
  const offGib = oldOff.reduce((s, v) => s + (v.provisionedGib ?? 0), 0);
  const snapGib = oldSnaps.reduce((s, x) => s + (x.sizeMib ?? 0), 0) / 1024;
  const noHa = inv.clusters.filter((c) => c.haEnabled === false || (c.haEnabled === true && c.admissionControl === false)).map((c) => c.name);
  const noDrs = inv.clusters.filter((c) => c.drsEnabled === false || (c.drsAutomation !== undefined && !/^fully/i.test(c.drsAutomation))).map((c) => c.name);
  const list = (names: string[]) => `${names.length} cluster${names.length === 1 ? '' : 's'} to change: ${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''}`;
  return {
    'reclaim-storage': oldOff.length + oldSnaps.length === 0 ? undefined
      : `${Math.round((offGib + snapGib) * 10) / 10} GiB reclaimed (${plural(oldOff.length, 'old powered-off VM')}, ${plural(oldSnaps.length, 'old snapshot')})`,
    'clusters-without-ha': noHa.length > 0 ? list(noHa) : undefined,
    'clusters-without-full-drs': noDrs.length > 0 ? list(noDrs) : undefined,
  };
}

function roadmapOf(rules: MaturityRules, e: ReturnType<typeof evidenceOf>, ind: Map<string, Indicator>, effects: Record<string, string | undefined>): RoadmapStep[] {
  return rules.roadmap.steps.map((s, i) => {
    const t = evaluate(s.when, e);
    const used = [...new Set(refs(s.when))].map((r) => {
      const [kind, id] = r.split(':');
      if (kind === 'answer') return `${id}: ${e.answers[id] ?? 'unanswered'}`;
      const x = ind.get(id)!;
      return `${x.title}: ${x.figure}`;
    });
    const effect = t === false ? undefined : effects[s.effect];
    return {
      id: s.id,
      order: i + 1,
      title: s.title,
      from: s.from,
      to: s.to,
      status: t === true ? 'due' : t === false ? 'not-due' : 'check',
      evidence: used,
      action: s.action,
      ...(effect ? { effect } : {}),
    };
  });
}

/** The maturity assessment of an inventory: indicators, levels per capability, roadmap. */
export function assessMaturity(inv: Inventory, rules: MaturityRules, o: MaturityOptions): Maturity {
  const settings = { asOf: o.asOf, snapshotDays: o.snapshotDays ?? 3, poweredOffDays: o.poweredOffDays ?? 90 };
  const dmz = o.dmzNetwork ?? /dmz/i;
  const indicators = computeIndicators(inv, { ...settings, dmzNetwork: dmz, ...(o.endOfSupportOf ? { endOfSupportOf: o.endOfSupportOf } : {}) });
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const values = o.answers?.values ?? {};
  const levels = answerLevels(rules.questions, values);
  const e = evidenceOf(indicators, levels);
  const describe = (ref: string) => {
    const [kind, id] = ref.split(':');
    if (kind === 'answer') return values[id];
    const x = byId.get(id as Indicator['id']);
    return x && x.value !== null ? x.figure : undefined;
  };
  const capabilities: CapabilityLevel[] = rules.capabilities.map((c) => {
    const l = levelOf(c, e, describe);
    const doc = c.documents[l.source.doc];
    return { ...l, source: { ...l.source, ...(doc ? { title: doc.title, short: doc.short } : {}) } };
  });
  const r = o.reclaim;
  const effects = {
    ...measuredEffects(inv, settings),
    ...(r ? { 'reclaim-hosts': `${r.today.hosts - r.reclaimed.hosts} host(s) fewer (${r.today.hosts} → ${r.reclaimed.hosts}) with ${plural(r.removed.length, 'idle, zombie or powered-off workload')} removed` } : {}),
  };
  return {
    schema: MATURITY_SCHEMA,
    generatedBy: { tool: 'dcplan', version: o.version },
    asOf: o.asOf,
    settings: { snapshotDays: settings.snapshotDays, poweredOffDays: settings.poweredOffDays, dmzNetworkPattern: dmz.source },
    indicators,
    capabilities,
    answers: {
      ...(o.answers ? { file: o.answers.file } : {}),
      answered: rules.questions.questions.filter((q) => levels[q.id] !== undefined).map((q) => ({ question: q.id, value: values[q.id], level: levels[q.id] })),
      unanswered: rules.questions.questions.filter((q) => levels[q.id] === undefined).map((q) => q.id),
    },
    roadmap: roadmapOf(rules, e, byId, effects),
    sprawl: sprawlItems(inv, settings),
    ...(r ? { reclaim: r } : {}),
    problems: o.problems ?? [],
  };
}
