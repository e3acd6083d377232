import { Inventory } from '../inventory/schema';
import { Need } from './schema/rule-files';

/**
 * What each `needs:` entry of a workload rule means, and why a rule could not run when the inventory lacks it.
 * A rule runs when the inventory carries the data for at least one workload; workloads without it are not flagged.
 */
export const NEED_DEFS: Record<Need, { has(inv: Inventory, hostModels: number): boolean; missing: string }> = {
  'disk-details': {
    has: (inv) => inv.workloads.some((w) => w.disks.some((d) => d.raw !== undefined || d.sharing !== undefined)),
    missing: 'no disk has raw-device or sharing-mode data (RVTools vDisk: Raw, Sharing mode)',
  },
  'ft-state': {
    has: (inv) => inv.workloads.some((w) => w.config.ftState !== undefined),
    missing: 'no workload has a fault tolerance state (RVTools vInfo: FT State)',
  },
  snapshots: {
    has: (inv) => inv.workloads.some((w) => w.config.snapshots !== undefined),
    missing: 'no workload has a snapshot count (RVTools vSnapshot tab)',
  },
  'device-details': {
    has: (inv) =>
      inv.workloads.some(
        (w) => w.config.usbDevices !== undefined || w.config.passthroughDevices !== undefined || w.config.sriovNics !== undefined,
      ),
    missing: 'no workload has USB, passthrough or SR-IOV device data (RVTools vUSB, vNetwork)',
  },
  firmware: {
    has: (inv) =>
      inv.workloads.some((w) => w.config.firmware !== undefined || w.config.secureBoot !== undefined || w.config.vtpm !== undefined),
    missing: 'no workload has firmware, Secure Boot or vTPM data (RVTools vInfo: Firmware)',
  },
  'os-name': {
    has: (inv) => inv.workloads.some((w) => w.os.name !== undefined && w.os.name !== ''),
    missing: 'no workload has a guest OS name',
  },
  'os-family': {
    has: (inv) => inv.workloads.some((w) => w.os.family !== 'unknown'),
    missing: 'no workload has a known guest OS family',
  },
  'idle-zombie-flags': {
    has: (inv) => inv.workloads.some((w) => w.utilization.cpu !== undefined),
    missing: 'no workload has CPU utilisation, so idle and zombie servers cannot be told apart',
  },
  'physical-cpu-utilization': {
    has: (inv) => inv.workloads.some((w) => w.kind === 'physical' && w.utilization.cpu !== undefined),
    missing: 'no physical server with CPU utilisation in the inventory',
  },
  'tools-status': {
    has: (inv) => inv.workloads.some((w) => w.config.toolsStatus !== undefined),
    missing: 'no workload has a VMware Tools status (RVTools vTools tab: Tools)',
  },
  'host-models': {
    has: (_inv, hostModels) => hostModels > 0,
    missing: 'no host models given (pass --config with hostModels)',
  },
};
