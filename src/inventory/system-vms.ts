/**
 * System VMs: agent and control-plane VMs that vCenter or a VMware solution deploys and manages itself. They are not
 * workloads to migrate (the target platform brings its own, or none), so the collect stage excludes them with code
 * `system-vm`, each listed with the kind and what identified it. Names are matched as vCenter spells them; the folder
 * (vCenter puts EAM agents in "ESX Agents", vCLS in "vCLS") and the annotation vCenter writes confirm where known.
 */

export interface SystemVmFacts {
  name: string;
  folder?: string;
  annotation?: string;
}

export interface SystemVm {
  kind: SystemVmKind;
  /** What identified it: the name, the folder or the annotation, as found. */
  by: string;
}

export type SystemVmKind = 'vCLS' | 'Supervisor control plane' | 'vSAN File Service' | 'NSX service VM' | 'ESX agent';

/** Name patterns, as vCenter names each kind (the numbered suffix is vCenter's). */
const BY_NAME: [SystemVmKind, RegExp][] = [
  // vCLS-<uuid> (7.0 U3 onwards), "vCLS (3)" (7.0 U1-U2)
  ['vCLS', /^vCLS([-_ ]|\s*\(\d+\)|$)/i],
  ['Supervisor control plane', /^SupervisorControlPlaneVM\s*\(\d+\)$/i],
  ['vSAN File Service', /^vSAN File Service Node( \(\d+\))?$/i],
  // "Guest Introspection (2)", "NSX Guest Introspection", "GI-SVM-...", "NSX Service VM ..." (a bare "Service VM" is not enough)
  ['NSX service VM', /^((NSX|VMware)[ _-]?)?(Guest|Network) Introspection\b|^GI-SVM\b|^NSX[ _-]?Service[ _-]?VM\b/i],
];

const BY_ANNOTATION: [SystemVmKind, RegExp][] = [
  ['vCLS', /vSphere Cluster Service VM/i],
  ['Supervisor control plane', /Supervisor Control Plane|vSphere with Tanzu control plane/i],
  ['vSAN File Service', /vSAN File Service/i],
];

/** A folder path component ("/DC/vm/ESX Agents" → … ESX Agents) naming the vCLS or the ESX Agents folder. */
const FOLDER = /(?:^|[/\\])\s*(vcls|esx agents)\s*(?:$|[/\\])/i;
// One test each for the common case (no match): this runs for every VM of a 200,000-VM export.
const ANY_NAME = new RegExp(BY_NAME.map(([, re]) => `(?:${re.source})`).join('|'), 'i');
const ANY_ANNOTATION = new RegExp(BY_ANNOTATION.map(([, re]) => `(?:${re.source})`).join('|'), 'i');

export function systemVm(f: SystemVmFacts): SystemVm | undefined {
  const name = f.name.trim();
  if (ANY_NAME.test(name)) for (const [kind, re] of BY_NAME) if (re.test(name)) return { kind, by: `name "${f.name}"` };
  if (f.annotation !== undefined && ANY_ANNOTATION.test(f.annotation))
    for (const [kind, re] of BY_ANNOTATION) if (re.test(f.annotation)) return { kind, by: 'vCenter annotation' };
  const m = f.folder === undefined ? null : FOLDER.exec(f.folder);
  if (m) return { kind: m[1].toLowerCase() === 'vcls' ? 'vCLS' : 'ESX agent', by: `folder "${f.folder}"` };
  return undefined;
}

const WHAT: Record<SystemVmKind, string> = {
  vCLS: 'vSphere Cluster Services (vCLS) agent VM, deployed and managed by vCenter per cluster',
  'Supervisor control plane': 'vSphere Supervisor (Tanzu) control plane VM, managed by vCenter',
  'vSAN File Service': 'vSAN File Service agent VM, managed by vCenter (ESX Agent Manager)',
  'NSX service VM': 'NSX Guest Introspection / service VM, deployed per host by NSX',
  'ESX agent': 'agent VM in the "ESX Agents" folder, deployed per host by a VMware solution (ESX Agent Manager)',
};

export function systemVmReason(s: SystemVm): string {
  return `System VM (${s.kind}): ${WHAT[s.kind]}; not a workload to migrate (identified by ${s.by}).`;
}

/** The kind a `system-vm` exclusion reason names (for counts by kind). */
export function systemVmKindOf(reason: string): string {
  return /^System VM \(([^)]+)\)/.exec(reason)?.[1] ?? 'other';
}
