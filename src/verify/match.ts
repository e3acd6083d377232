/**
 * Group membership for the verifier, re-implemented from the config contract: case-insensitive globs (`*` any run,
 * `?` one character); a `match` block matches when every given field matches (os = OS name or family, application,
 * environment, cluster = current cluster, name, tag = any one tag, network = any one port group, folder, label =
 * `key=glob`); a group's `workloads` lists names or globs.
 */
import type { Workload } from '../inventory/schema';

export interface MatchSpec {
  os?: string;
  application?: string;
  environment?: string;
  cluster?: string;
  name?: string;
  tag?: string;
  /** any one network (port group) */
  network?: string;
  folder?: string;
  /** `key=glob` on a label */
  label?: string;
}

export interface GroupSpec {
  name: string;
  workloads?: string[];
  match?: MatchSpec;
}

const cache = new Map<string, RegExp>();

export function glob(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  let re = cache.get(pattern);
  if (!re) {
    const body = pattern
      .split('')
      .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${body}$`, 'is');
    cache.set(pattern, re);
  }
  return re.test(value);
}

export function matches(w: Workload, m: MatchSpec): boolean {
  if (m.os !== undefined && !(glob(m.os, w.os.name) || glob(m.os, w.os.family))) return false;
  if (m.application !== undefined && !glob(m.application, w.application)) return false;
  if (m.environment !== undefined && !glob(m.environment, w.environment)) return false;
  if (m.cluster !== undefined && !glob(m.cluster, w.location.cluster)) return false;
  if (m.name !== undefined && !glob(m.name, w.name)) return false;
  if (m.tag !== undefined && !w.tags.some((t) => glob(m.tag!, t))) return false;
  if (m.network !== undefined && !(w.networks ?? []).some((n) => glob(m.network!, n.network))) return false;
  if (m.folder !== undefined && !glob(m.folder, w.location.folder)) return false;
  if (m.label !== undefined) {
    const [key, ...rest] = m.label.split('=');
    const want = rest.length > 0 ? rest.join('=').trim() : '*';
    if (!Object.keys(w.labels).some((k) => k.toLowerCase() === key.trim().toLowerCase() && glob(want, w.labels[k]))) return false;
  }
  return true;
}

export function inGroup(w: Workload, g: GroupSpec): boolean {
  if (g.workloads?.some((p) => glob(p, w.name))) return true;
  return g.match !== undefined && matches(w, g.match);
}
