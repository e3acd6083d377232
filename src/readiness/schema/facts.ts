/**
 * The catalogue of platform facts. Every platform file must state every fact here, with a source:
 * a missing or unknown fact is a lint error, so a criterion never silently reads `undefined`.
 * Checks name facts by these keys; the linter rejects a check that names a fact not in this list.
 */
export type FactType = 'boolean' | 'number' | 'number-or-null' | 'string' | 'string-list' | { enum: readonly string[] };

export const ARCHITECTURES = [
  'bare-metal-hypervisor', // thin purpose-built hypervisor that owns the hardware itself (ESXi)
  'parent-partition-hypervisor', // thin hypervisor plus a privileged general-purpose OS partition (Xen dom0, Hyper-V root)
  'kernel-hypervisor', // a general-purpose OS kernel acts as the hypervisor (KVM)
  'os-containers', // one shared OS kernel, isolated user-space containers (Virtuozzo Containers)
  'hosted', // a hypervisor application on a host OS
] as const;

export const LIVE_MIGRATION = ['none', 'with-downtime', 'live'] as const;
export const REBALANCE = ['none', 'manual', 'automatic'] as const;

export const FACTS: Record<string, { type: FactType; meaning: string }> = {
  architecture: { type: { enum: ARCHITECTURES }, meaning: 'how the platform virtualizes' },
  requiresHardwareAssist: {
    type: 'boolean',
    meaning: 'needs Intel VT-x / AMD-V on the host to run the full range of guest operating systems',
  },
  privilegedParentOs: {
    type: 'boolean',
    meaning: 'a general-purpose OS in a privileged partition (or as the host) owns hardware access and management',
  },
  sharedKernel: { type: 'boolean', meaning: 'all workloads on a host share one OS kernel' },
  guestOsFamilies: { type: 'string-list', meaning: 'guest OS families the platform runs (windows, linux, unix)' },
  mixedGuestOsPerHost: { type: 'boolean', meaning: 'different guest OS families can run side by side on one host' },
  unsupportedGuestOs: {
    type: 'string-list',
    meaning: 'guest OS names (lower-case fragments) the vendor does not support on this platform',
  },
  maxVcpusPerVm: { type: 'number-or-null', meaning: 'largest vCPU count of one workload (null: bounded only by the host)' },
  maxMemoryGibPerVm: { type: 'number-or-null', meaning: 'largest memory of one workload, GiB (null: bounded only by the host)' },
  maxHostsPerCluster: { type: 'number-or-null', meaning: 'most hosts in one cluster or pool (null: no stated limit)' },
  distributedResourcePools: { type: 'boolean', meaning: 'compute resources of many hosts are pooled and shared by workloads' },
  sharedStoragePooling: { type: 'boolean', meaning: 'shared storage pooled across hosts (cluster file system or equivalent)' },
  virtualNetworkPooling: { type: 'boolean', meaning: 'virtual networking spans hosts (distributed switch or equivalent)' },
  resourceControls: { type: 'boolean', meaning: 'per-workload shares, reservations and limits for CPU, memory and I/O' },
  automaticBalancing: { type: 'boolean', meaning: 'workloads are rebalanced across hosts automatically by policy' },
  liveMigration: { type: { enum: LIVE_MIGRATION }, meaning: 'moving a running workload between hosts' },
  rebalanceOnHostAdd: { type: { enum: REBALANCE }, meaning: 'how workloads spread onto newly added hosts' },
  hotAdd: { type: 'boolean', meaning: 'CPU / memory can be added to a running workload' },
  haRestart: { type: 'boolean', meaning: 'failed hosts are detected and their workloads restarted elsewhere automatically' },
  faultTolerance: { type: 'boolean', meaning: 'a lock-step secondary copy keeps a workload running through a host failure' },
  commonCriteria: { type: 'string', meaning: 'Common Criteria evaluation of the platform ("none" when none is known)' },
  hypervisorFootprintMib: { type: 'number-or-null', meaning: 'approximate size of the virtualization layer, MiB' },
  cli: { type: 'boolean', meaning: 'command line for remote provisioning and management' },
  managementApi: { type: 'boolean', meaning: 'documented remote management API / SDK' },
  cimHardwareManagement: { type: 'boolean', meaning: 'CIM or similar standard interface for hardware management' },
  guestUefi: { type: 'boolean', meaning: 'guests can boot with UEFI firmware' },
  guestSecureBoot: { type: 'boolean', meaning: 'guests can use UEFI Secure Boot' },
  guestVtpm: { type: 'boolean', meaning: 'guests can have a virtual TPM' },
  pciPassthrough: { type: 'boolean', meaning: 'PCI devices can be passed through to a guest' },
  hostCpuArchitectures: { type: 'string-list', meaning: 'processor architectures the hypervisor runs on, and so its guests run on (x86, arm64, ...)' },
};

export type FactValue = boolean | number | string | string[] | null;

export function describeType(t: FactType): string {
  return typeof t === 'string' ? t : `one of ${t.enum.join(', ')}`;
}

/** Checks a value against a fact's type; returns a message when it does not fit. */
export function factTypeError(key: string, value: unknown): string | undefined {
  const def = FACTS[key];
  if (!def) return `unknown fact "${key}"; known facts: ${Object.keys(FACTS).join(', ')}`;
  const t = def.type;
  const ok =
    t === 'boolean'
      ? typeof value === 'boolean'
      : t === 'number'
        ? typeof value === 'number'
        : t === 'number-or-null'
          ? value === null || typeof value === 'number'
          : t === 'string'
            ? typeof value === 'string'
            : t === 'string-list'
              ? Array.isArray(value) && value.every((v) => typeof v === 'string')
              : typeof value === 'string' && t.enum.includes(value);
  return ok ? undefined : `fact "${key}" must be ${describeType(t)}, got ${JSON.stringify(value)}`;
}
