import { Inventory } from '../inventory/schema';
import { UserError, error, Problem, throwIfErrors } from '../diagnostics';
import { VERSION } from '../version';
import { CriterionRating, PlatformScore, Scorecard, SCORECARD_SCHEMA } from './types';
import { Platform, Profile, RuleSet } from './model';
import { deriveEstate, EstateFacts } from './estate';
import { rateCriterion } from './rate';
import { countFindings, runWorkloadRules } from './findings';
import { HostModelLimit } from './checks/types';
import { loadRules } from './loader';
import { recommend } from './recommend';
import { cmpText } from './order';
import { namedPlatforms, whyNotRecommended } from './lifecycle';
import { estimateMigration } from './migration';
import { estimateCosts, LicenceCostInput } from './cost';
import { Inventory as Inv } from '../inventory/schema';
import { PlatformCheckContext } from './checks/types';
import { NOT_RATED } from './rate';

/** The parts of the assessment config the readiness engine reads (helper C's config carries them). */
export interface ReadinessConfig {
  hostModels?: { id: string; sockets: number; coresPerSocket: number; memoryGib: number }[];
  readiness?: { profile?: string; platforms?: string[]; asOf?: string; licences?: Record<string, string[]> };
}

export interface ScoreInput {
  inventory?: Inventory;
  /** Platform ids (or all / current / seed) to score; default: the config's list, else today's platforms (`current`). */
  platforms?: string[];
  /** A profile id from rules/profiles or a loaded profile; default: the config's, else `default`. */
  profile?: string | Profile;
  config?: ReadinessConfig;
  /** YYYY-MM-DD the end-of-support table is read against; default: the config's, else today (UTC). */
  asOf?: string;
  /** The plan's business case (plan.json `businessCase`): its licence schemes price the platforms (criterion cost-for-estate). */
  businessCase?: LicenceCostInput;
  /** Loaded rules; default: the rules shipped in the package (errors in them stop the run). */
  rules?: RuleSet;
}

/**
 * Platform ids to score. Besides ids: `current` (today's products, the default), `seed` (the four 2008 platforms the
 * seed paper discusses) and `all`.
 */
export function selectPlatforms(rules: RuleSet, ids: string[] | undefined): Platform[] {
  const wanted = ids && ids.length > 0 ? ids : ['current'];
  const known = rules.platforms.map((p) => p.id);
  const chosen = new Set<string>();
  const unknown: string[] = [];
  for (const id of wanted) {
    if (id === 'all') rules.platforms.forEach((p) => chosen.add(p.id));
    else if (id === 'current') rules.platforms.filter((p) => p.era === 'current').forEach((p) => chosen.add(p.id));
    else if (id === 'seed') rules.platforms.filter((p) => p.era === 'seed-2008').forEach((p) => chosen.add(p.id));
    else if (known.includes(id)) chosen.add(id);
    else unknown.push(id);
  }
  if (unknown.length > 0)
    throw new UserError(
      unknown.map((id) =>
        error('unknown-platform', `unknown platform "${id}"`, {}, `known platforms: ${known.join(', ')} (or all, current, seed)`),
      ),
    );
  // The rules' order (seed platforms first), not the order typed, so the table reads the same way every time.
  return rules.platforms.filter((p) => chosen.has(p.id));
}

export function selectProfile(rules: RuleSet, p: string | Profile | undefined): Profile {
  if (p && typeof p !== 'string') return p;
  const id = p ?? 'default';
  const found = rules.profiles.find((x) => x.id === id);
  if (!found)
    throw new UserError(
      error('unknown-profile', `unknown profile "${id}"`, {}, `known profiles: ${rules.profiles.map((x) => x.id).join(', ')}, or a path to a profile YAML file`),
    );
  return found;
}

function hostModelLimits(config?: ReadinessConfig): HostModelLimit[] {
  return (config?.hostModels ?? []).map((m) => ({ id: m.id, cores: m.sockets * m.coresPerSocket, memoryGib: m.memoryGib }));
}

/** What the estate checks read besides the platform: the estate's figures, its migration effort and licence cost per platform. */
export function estateContext(
  rules: RuleSet,
  platforms: Platform[],
  inventory: Inv | undefined,
  estate: EstateFacts | undefined,
  findings: Scorecard['findings'],
  input: Pick<ScoreInput, 'config' | 'businessCase'>,
): Omit<PlatformCheckContext, 'platform'> {
  const migration = inventory && estate ? estimateMigration(rules, platforms, inventory, estate, findings) : undefined;
  const costs = estimateCosts(platforms, input.config?.readiness?.licences, input.businessCase);
  return { estate, migration, costs };
}

export function scoreReadiness(input: ScoreInput): Scorecard {
  const problems: Problem[] = [];
  let rules = input.rules;
  if (!rules) {
    const loaded = loadRules();
    throwIfErrors(loaded.problems);
    rules = loaded.rules!;
  }
  const asOf = input.asOf ?? input.config?.readiness?.asOf ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))
    throw new UserError(error('bad-as-of', `as-of date "${asOf}" is not a date YYYY-MM-DD`));
  const platformIds = input.platforms ?? input.config?.readiness?.platforms;
  const platforms = selectPlatforms(rules, platformIds);
  const named = namedPlatforms(rules.platforms, platformIds);
  const profile = selectProfile(rules, input.profile ?? input.config?.readiness?.profile);
  const estate = input.inventory ? deriveEstate(input.inventory, rules.cpuAssists) : undefined;
  const hostModels = hostModelLimits(input.config);

  const { findings, checksNotRun } = runWorkloadRules(rules, platforms, input.inventory, estate, asOf, hostModels);
  const notRunCriteria = new Map<string, Set<string>>();
  const ctx = estateContext(rules, platforms, input.inventory, estate, findings, input);
  const { migration, costs } = ctx;

  const rated = platforms.map((p) => {
    const ratings: CriterionRating[] = rules.criteria.map((c) => {
      const r = rateCriterion(c, p, ctx);
      const rating: CriterionRating = {
        criterion: c.id,
        title: c.title,
        rating: r.rating,
        score: r.score,
        weight: profile.weights[c.id] ?? 0,
        rationale: r.rationale,
        evidence: r.evidence,
        ...(r.notRated ? { notRated: r.notRated } : {}),
      };
      const without = rateCriterion(c, p, { costs: costs! }).rating;
      if (estate && r.rating !== NOT_RATED && without !== NOT_RATED) {
        rating.ratingWithoutEstate = without;
        for (const why of r.notRun) {
          if (!notRunCriteria.has(c.id)) notRunCriteria.set(c.id, new Set());
          notRunCriteria.get(c.id)!.add(why);
        }
      }
      return rating;
    });
    return { p, ratings };
  });
  // A criterion not rated for one platform counts for none: totals over different criteria would not compare.
  const outOfTotals = new Set(rated.flatMap(({ ratings }) => ratings.filter((r) => r.notRated !== undefined).map((r) => r.criterion)));
  const scores: PlatformScore[] = rated.map(({ p, ratings }) => {
    for (const r of ratings) if (outOfTotals.has(r.criterion)) r.inTotal = false;
    const counted = ratings.filter((r) => r.inTotal !== false);
    const wsum = counted.reduce((s, r) => s + r.weight, 0);
    const total = wsum > 0 ? counted.reduce((s, r) => s + r.score * r.weight, 0) / wsum : 0;
    const own = findings.filter((f) => f.platform === undefined || f.platform === p.id);
    const passedOver = whyNotRecommended(p, asOf, named.has(p.id));
    return {
      platform: p.id,
      name: p.name,
      lifecycle: p.lifecycle,
      ...(passedOver ? { notRecommended: passedOver } : {}),
      ratings,
      weightedTotal: Math.round(total * 10) / 10,
      rank: 0,
      findingCounts: countFindings(own),
    };
  });

  const order = new Map(platforms.map((p, i) => [p.id, i]));
  const ranked = [...scores].sort(
    (a, b) =>
      b.weightedTotal - a.weightedTotal ||
      a.findingCounts!.critical - b.findingCounts!.critical ||
      order.get(a.platform)! - order.get(b.platform)!,
  );
  ranked.forEach((s, i) => (s.rank = i + 1));

  for (const [criterion, whys] of [...notRunCriteria].sort((a, b) => cmpText(a[0], b[0])))
    for (const why of [...whys].sort(cmpText)) checksNotRun.push({ rule: `criterion:${criterion}`, reason: why });

  if (input.inventory && estate && estate.workloads.length === 0)
    problems.push(error('empty-estate', 'the inventory has no workloads to score (templates and SRM placeholders do not count)'));

  return {
    schema: SCORECARD_SCHEMA,
    generatedBy: { tool: 'dcplan', version: VERSION },
    profile: { id: profile.id, name: profile.name, weights: Object.fromEntries(rules.criteria.map((c) => [c.id, profile.weights[c.id] ?? 0])) },
    criteria: rules.criteria.map((c) => ({ id: c.id, title: c.title })),
    platforms: ranked,
    recommendation: recommend(ranked, rules, profile, estate !== undefined),
    findings,
    findingCounts: countFindings(findings),
    checksNotRun,
    ...(migration ? { migration: platforms.map((p) => migration.get(p.id)!) } : {}),
    costs: platforms.map((p) => costs!.get(p.id)!),
    problems: problems.map((p) => ({ ...p, severity: 'warning' as const })),
    asOf,
    ...(input.inventory
      ? { estate: { workloads: estate!.workloads.length, hosts: input.inventory.hosts.length, clusters: input.inventory.clusters.length } }
      : {}),
  };
}
