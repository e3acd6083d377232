/**
 * "Storage sizing" (beside "Current storage") and the HA part of the consolidation plan (issue 10): what the target needs
 * in array capacity per source datastore type, what HCI pools consume of their hosts' local capacity under the storage
 * policy, and today's clusters' HA settings beside the reserve the plan holds. Every figure comes from plan.storage /
 * plan.ha, whose formulas are printed in the assumptions (plan.formulas) with the policy values they use.
 */
import { Plan } from '../../plan/types';
import { fmtInt, fmtNum } from '../format';
import { col } from './labels';
import { Block, Cell, Table } from './types';

const tib = (gib: number) => `${fmtNum(gib / 1024)} TiB`;
const yesNo = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no');

export function arraySizingTable(plan: Plan): Table | undefined {
  const a = plan.storage?.array;
  if (!a) return undefined;
  const row = (r: (typeof a.byType)[number], label = r.type): Cell[] => [
    label === 'unknown' ? 'not known' : label,
    r.datastores,
    r.currentCapacityGib,
    r.currentUsedGib ?? null,
    r.workloads,
    r.provisionedGib,
    r.usedGib,
    r.neededProvisionedGib,
    r.neededUsedGib,
    r.neededGib,
  ];
  return {
    id: 'storage-sizing',
    sheet: 'Storage sizing',
    title: 'External array: capacity needed per source datastore type',
    columns: [
      col('type', 'Datastore type', 'text', 1.1),
      col('datastores', 'Datastores today', 'int', 0.8),
      col('currentCapacityGib', 'Capacity today GiB', 'int', 0.95),
      col('currentUsedGib', 'In use today GiB', 'int', 0.9),
      col('workloads', 'Workloads', 'int', 0.7),
      col('provisionedGib', 'VM provisioned GiB', 'int', 0.95),
      col('usedGib', 'VM used GiB', 'int', 0.85),
      col('neededProvisionedGib', 'Needed thick GiB', 'int', 0.9),
      col('neededUsedGib', 'Needed thin GiB', 'int', 0.9),
      col('neededGib', `Needed GiB (${a.basis})`, 'int', 0.95),
    ],
    rows: [...a.byType.map((r) => row(r)), row(a.total, 'Total')],
    note:
      `Needed usable GiB = VM GiB / dedupe ${a.dedupe} × f ${a.factor} / target ${a.targetUtilization} (policy storageDedupe, headroom × growth, ` +
      `targetUtilization.storage); thick = on provisioned GiB, thin = on used GiB; the plan's basis is ${a.basis} (policy storageBasis). ` +
      `A VM's GiB are split over its disks' datastores by disk size (RVTools vDisk path); "not known" when the VM has no disk on a datastore in the export (no vDisk/vDatastore, or a physical server).` +
      (a.usedFellBackToProvisioned > 0 ? ` ${fmtInt(a.usedFellBackToProvisioned)} VM(s) have no used figure and count at provisioned in the thin column.` : ''),
  };
}

export function hciPoolsTable(plan: Plan): Table | undefined {
  const pools = (plan.storage?.pools ?? []).filter((p) => p.storage === 'hci');
  if (pools.length === 0) return undefined;
  return {
    id: 'hci-storage',
    sheet: 'HCI storage',
    title: 'HCI pools: storage policy and local capacity',
    columns: [
      col('pool', 'Pool', 'text', 1),
      col('policy', 'Storage policy', 'text', 1.6),
      col('multiplier', 'Raw per GiB', 'num', 0.7),
      col('minHosts', 'Min hosts / cluster', 'int', 0.8),
      col('hosts', 'Hosts', 'int', 0.5),
      col('rawGib', 'Raw GiB', 'int', 0.8),
      col('usableGib', 'Usable GiB (after slack)', 'int', 1),
      col('demandGib', 'Demand GiB', 'int', 0.8),
      col('swapGib', 'of which swap GiB', 'int', 0.8),
    ],
    rows: pools.map((p) => [p.pool, p.policyLabel ?? p.policy ?? '', p.multiplier ?? null, p.minHostsPerCluster ?? null, p.hosts, p.rawGib ?? null, p.usableGib ?? null, p.demandGib ?? null, p.swapGib ?? null]),
    note: `Usable = raw × (1 − slack ${pools[0].slack}); demand = Σ of the hosts' packed storage (policy multiplier, swap files and f applied; formulas in the assumptions).`,
  };
}

export function haBeforeTable(plan: Plan): Table | undefined {
  const cs = plan.ha?.clustersBefore ?? [];
  if (cs.length === 0) return undefined;
  return {
    id: 'ha-before',
    sheet: 'HA today',
    title: "Today's clusters: HA settings (RVTools vCluster)",
    columns: [
      col('cluster', 'Cluster', 'text', 1.5),
      col('hosts', 'Hosts', 'int', 0.5),
      col('haEnabled', 'HA enabled', 'text', 0.7),
      col('failoverLevel', 'Failover level', 'int', 0.8),
      col('admissionControl', 'Admission control', 'text', 0.9),
      col('drsEnabled', 'DRS enabled', 'text', 0.7),
    ],
    rows: cs.map((c) => [c.name, c.hosts ?? null, yesNo(c.haEnabled), c.failoverLevel ?? null, yesNo(c.admissionControl), yesNo(c.drsEnabled)]),
    note: 'Blank: the export has no such column. Failover level is vSphere HA\'s host failures the cluster tolerates.',
  };
}

/** The "Storage sizing" section: the array (external pools) and the HCI pools. */
export function storageSizingBlocks(plan: Plan, array: Table | undefined, hci: Table | undefined): Block[] {
  const blocks: Block[] = [];
  const a = plan.storage?.array;
  if (a && array) {
    const t = a.total;
    blocks.push({
      type: 'paragraph',
      text:
        `The target hosts keep the VMs' disks on an external array (host models with storage: external), so storage does not decide the host count. ` +
        `The array needs ${tib(t.neededGib)} usable on ${a.basis} GiB (${a.basis === 'used' ? `${tib(t.neededProvisionedGib)} if every disk were thick` : `${tib(t.neededUsedGib)} if thin disks are sized on what they use`}), ` +
        `for ${fmtInt(a.workloads)} VM(s) with ${tib(a.basis === 'used' ? t.usedGib : t.provisionedGib)} ${a.basis} today` +
        (t.datastores > 0 ? `; today's ${fmtInt(t.datastores)} datastore(s) offer ${tib(t.currentCapacityGib)}.` : '; the export lists no datastores.'),
    });
    blocks.push({ type: 'table', table: array, columns: ['type', 'datastores', 'currentCapacityGib', 'workloads', 'provisionedGib', 'usedGib', 'neededUsedGib', 'neededProvisionedGib', 'neededGib'] });
  }
  for (const p of (plan.storage?.pools ?? []).filter((x) => x.storage === 'hci'))
    blocks.push({
      type: 'paragraph',
      text:
        `Pool ${p.pool} keeps its storage on the hosts (HCI): ${p.policyLabel}, ${fmtNum(p.multiplier ?? 0)} GiB raw per GiB of data, at least ${fmtInt(p.minHostsPerCluster ?? 0)} hosts per cluster. ` +
        `Its ${fmtInt(p.hosts)} host(s) offer ${tib(p.usableGib ?? 0)} after ${fmtNum((p.slack ?? 0) * 100)} % slack space (raw ${tib(p.rawGib ?? 0)}); the VMs need ${tib(p.demandGib ?? 0)}, ` +
        `${tib(p.swapGib ?? 0)} of it for swap files (memory not reserved).`,
    });
  if (hci) blocks.push({ type: 'table', table: hci });
  return blocks;
}

/** HA: the reserve the plan holds and, for the "before" side, today's clusters' settings. */
export function haBlocks(plan: Plan, before: Table | undefined): Block[] {
  const r = plan.ha?.reserve ?? [];
  if (r.length === 0 && !before) return [];
  const planned = r
    .map((x) => `${x.pool}: ${x.reservePct > 0 ? `${fmtNum(x.reservePct)} % of every cluster's CPU and memory kept free (admission control percentage)` : `N+${x.spareHosts}, ${x.spareHosts} empty spare host(s) per cluster, each covering any host's load`}`)
    .join('; ');
  const cs = plan.ha?.clustersBefore ?? [];
  const on = cs.filter((c) => c.haEnabled === true).length;
  const known = cs.filter((c) => c.haEnabled !== undefined).length;
  const today = cs.length === 0 ? 'The export lists no clusters.' : known === 0 ? `The export does not say whether HA is enabled on its ${fmtInt(cs.length)} cluster(s).` : `Today HA is enabled on ${fmtInt(on)} of ${fmtInt(known)} cluster(s).`;
  const blocks: Block[] = [{ type: 'heading', text: 'High availability: today and planned' }, { type: 'paragraph', text: `Planned reserve: ${planned || 'none'}. ${today}` }];
  if (before) blocks.push({ type: 'table', table: before });
  return blocks;
}
