import { Utilization, Workload } from './schema';

/** A workload with every collection empty, to be filled by a collector. */
export function emptyWorkload(
  init: Pick<Workload, 'id' | 'name' | 'vcpus' | 'memoryMib' | 'provenance'> & Partial<Workload>,
): Workload {
  return {
    kind: 'vm',
    powerState: 'unknown',
    disks: [],
    utilization: {},
    os: { family: 'unknown' },
    location: {},
    tags: [],
    labels: {},
    drsRules: [],
    config: {},
    flags: [],
    ...init,
  };
}

/**
 * Shared, frozen values for the parts of a workload that most workloads of a large export have in common (no disks,
 * no tags, no DRS rules, one of a handful of flag sets or OS descriptions). A 200,000-VM export then holds a few
 * dozen of these instead of a million small objects, which the garbage collector would otherwise copy twice each.
 * Inventory workloads are read-only data after collection; a stage that mutated one of these would throw (frozen).
 */
export const NO_ITEMS: never[] = Object.freeze([]) as unknown as never[];
export const NO_UTILIZATION: Utilization = Object.freeze({});

/**
 * One frozen copy per distinct value, looked up by a key the caller computes cheaply (e.g. the OS name):
 * `flyweights.get(key) ?? flyweights.add(key, make(...))` (no closure made per lookup).
 */
export class Flyweights<T extends object> {
  private readonly known = new Map<string, T>();
  get(key: string): T | undefined {
    return this.known.get(key);
  }
  add(key: string, value: T): T {
    const frozen = Object.freeze(value);
    this.known.set(key, frozen);
    return frozen;
  }
}
