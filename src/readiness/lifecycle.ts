import { Platform } from './model';

/**
 * Which scored platforms the recommendation may pick. A platform the user named (by id, or the `seed` group) always
 * may; otherwise only a current product still inside its vendor's end of support on the as-of date. Returns why a
 * platform is passed over, or undefined when it may be recommended.
 */
export function whyNotRecommended(p: Platform, asOf: string, named: boolean): string | undefined {
  if (named) return undefined;
  const lc = p.lifecycle;
  if (lc.status === 'historical')
    return (
      `historical product (${lc.release}` +
      (lc.endOfSupport ? `; ${lc.endOfSupportMeans}: ${lc.endOfSupport}` : '; end-of-support date not sourced') +
      `); scored for comparison, recommended only when named (--platforms ${p.id})`
    );
  if (lc.endOfSupport !== null && lc.endOfSupport < asOf)
    return `past its ${lc.endOfSupportMeans} on ${lc.endOfSupport} (as of ${asOf}); recommended only when named (--platforms ${p.id})`;
  return undefined;
}

/** Platform ids the user named one by one or through the `seed` group (not `all` / `current` / the default). */
export function namedPlatforms(platforms: Platform[], ids: string[] | undefined): Set<string> {
  const named = new Set<string>();
  for (const id of ids ?? []) {
    if (id === 'seed') platforms.filter((p) => p.era === 'seed-2008').forEach((p) => named.add(p.id));
    else if (id !== 'all' && id !== 'current') named.add(id);
  }
  return named;
}
