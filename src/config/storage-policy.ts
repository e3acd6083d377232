/**
 * vSAN-style storage policies for HCI clusters: what one GiB of VM data consumes in raw capacity, and the fewest hosts
 * (fault domains) a cluster needs for the policy to be applicable. One home for these product facts: the planner, the
 * config's mapping of the deprecated `storageFttMultiplier`, and the report read this table; `verify` keeps its own copy
 * written from the issue text and a test keeps the two equal.
 *
 * Sources:
 *  - VMware vSAN 8.0 Administration, "Using RAID 5 or RAID 6 Erasure Coding": RAID-1 FTT=1 needs 2× the data, RAID-5
 *    (FTT=1) 1.33× with at least four fault domains, RAID-1 FTT=2 3×, RAID-6 (FTT=2) 1.5× with at least six fault domains.
 *    https://docs.vmware.com/en/VMware-vSphere/8.0/vsan-administration/GUID-AD408FA8-5898-4541-9F82-FE72E6CD6227.html
 *  - VMware vSAN 8.0 Administration, "Failures to tolerate" (vSAN policy rules): RAID-1 mirroring tolerating n failures
 *    keeps n + 1 copies and needs 2n + 1 hosts (FTT=1: 3, FTT=2: 5, FTT=3: 7).
 *  - VMware vSAN Design Guide, "slack space": keep 25-30 % of raw capacity free for rebuilds, rebalancing and policy
 *    changes (the default `storageSlack` 0.25).
 */
export type StoragePolicyId = 'none' | 'ftt1-raid1' | 'ftt1-raid5' | 'ftt2-raid1' | 'ftt2-raid6' | 'ftt3-raid1';

export interface StoragePolicyFacts {
  id: StoragePolicyId;
  label: string;
  failuresToTolerate: number;
  /** Raw capacity consumed per GiB of VM data. */
  multiplier: number;
  /** Fewest hosts in a cluster for the policy to apply. */
  minHosts: number;
  source: string;
}

const ADMIN = 'VMware vSAN 8.0 Administration, "Using RAID 5 or RAID 6 Erasure Coding"';
const FTT = 'VMware vSAN 8.0 Administration, "Failures to tolerate" (RAID-1: n + 1 copies, 2n + 1 hosts)';

export const STORAGE_POLICIES: Record<StoragePolicyId, StoragePolicyFacts> = {
  none: { id: 'none', label: 'no redundancy (FTT=0)', failuresToTolerate: 0, multiplier: 1, minHosts: 1, source: FTT },
  'ftt1-raid1': { id: 'ftt1-raid1', label: 'FTT=1 RAID-1 (mirroring)', failuresToTolerate: 1, multiplier: 2, minHosts: 3, source: `${ADMIN}; ${FTT}` },
  'ftt1-raid5': { id: 'ftt1-raid5', label: 'FTT=1 RAID-5 (erasure coding 3+1)', failuresToTolerate: 1, multiplier: 4 / 3, minHosts: 4, source: ADMIN },
  'ftt2-raid1': { id: 'ftt2-raid1', label: 'FTT=2 RAID-1 (mirroring)', failuresToTolerate: 2, multiplier: 3, minHosts: 5, source: `${ADMIN}; ${FTT}` },
  'ftt2-raid6': { id: 'ftt2-raid6', label: 'FTT=2 RAID-6 (erasure coding 4+2)', failuresToTolerate: 2, multiplier: 1.5, minHosts: 6, source: ADMIN },
  'ftt3-raid1': { id: 'ftt3-raid1', label: 'FTT=3 RAID-1 (mirroring)', failuresToTolerate: 3, multiplier: 4, minHosts: 7, source: FTT },
};

export const SLACK_SOURCE = 'VMware vSAN Design Guide, slack space: keep 25-30 % of raw capacity free';

/** The policy a deprecated `storageFttMultiplier` stands for, or undefined when no policy has that multiplier. */
export function policyForMultiplier(m: number): StoragePolicyId | undefined {
  // 1.33 is how people write RAID-5's 4/3; RAID-1 FTT=1 (the vSAN default) wins the tie-free lookup for 2
  const hit = Object.values(STORAGE_POLICIES).find((p) => Math.abs(p.multiplier - m) < 0.01);
  return hit?.id;
}
