import { Scorecard, PlatformScore } from './types';
import { Profile, RuleSet } from './model';

/** The ranked recommendation: the top platform and the reasons a reader can check against the table. */
export function recommend(ranked: PlatformScore[], rules: RuleSet, profile: Profile, withEstate: boolean): Scorecard['recommendation'] {
  if (ranked.length === 0) return { platform: '', name: '', reasons: ['no platform was scored'] };
  // Historical products and products past their end of support compete only when the user named them.
  const candidates = ranked.filter((p) => p.notRecommended === undefined);
  if (candidates.length === 0)
    return {
      platform: '',
      name: '',
      reasons: [
        'None of the scored platforms is a current product inside its end of support; name the platforms to compare (--platforms id,id) to have one recommended.',
        ...ranked.map((p) => `${p.name}: ${p.notRecommended}.`),
      ],
    };
  const top = candidates[0];
  const reasons: string[] = [];
  const next = candidates[1];
  if (next) {
    const lead = Math.round((top.weightedTotal - next.weightedTotal) * 10) / 10;
    reasons.push(
      lead > 0
        ? `Highest weighted total under the "${profile.name}" profile: ${top.weightedTotal} against ${next.weightedTotal} for ${next.name} (runner-up).`
        : `Tied with ${next.name} at ${top.weightedTotal} under the "${profile.name}" profile; ranked first on fewer critical findings, then the rules' platform order.`,
    );
    const ahead = top.ratings.filter((r, i) => r.inTotal !== false && r.score > next.ratings[i].score);
    const behind = top.ratings.filter((r, i) => r.inTotal !== false && r.score < next.ratings[i].score);
    if (ahead.length > 0)
      reasons.push(`Ahead of ${next.name} on ${ahead.map((r) => `${r.title} (${r.rating} vs ${next.ratings[top.ratings.indexOf(r)].rating})`).join(', ')}.`);
    if (behind.length > 0)
      reasons.push(`Behind ${next.name} on ${behind.map((r) => `${r.title} (${r.rating} vs ${next.ratings[top.ratings.indexOf(r)].rating})`).join(', ')}.`);
  } else reasons.push(`Only platform scored: weighted total ${top.weightedTotal} under the "${profile.name}" profile.`);
  const counted = top.ratings.filter((r) => r.inTotal !== false);
  const topOfScale = counted.filter((r) => {
    const c = rules.criteria.find((x) => x.id === r.criterion)!;
    return c.scale[c.scale.length - 1].label === r.rating;
  });
  reasons.push(`Top of the scale on ${topOfScale.length} of the ${counted.length} criteria in the totals.`);
  const moved = top.ratings.filter((r) => r.ratingWithoutEstate !== undefined && r.ratingWithoutEstate !== r.rating);
  if (moved.length > 0)
    reasons.push(`The estate moved its rating on ${moved.map((r) => `${r.title} (${r.ratingWithoutEstate} → ${r.rating})`).join(', ')}.`);
  for (const p of ranked.slice(0, ranked.indexOf(top)))
    reasons.push(`Not recommended although ranked ${p.rank} (${p.weightedTotal}): ${p.name}, ${p.notRecommended}.`);
  const fc = top.findingCounts;
  if (withEstate && fc)
    reasons.push(`Workload findings that apply to it: ${fc.critical} critical, ${fc.warning} warning, ${fc.info} info.`);
  if (!withEstate) reasons.push('Scored without an inventory: the ratings reflect the platforms’ architecture only, not this estate.');
  return { platform: top.platform, name: top.name, reasons };
}
