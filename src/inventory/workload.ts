import { Workload } from './schema';

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
