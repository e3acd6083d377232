import { HOST_MODELS } from './config';
import { datastoreFigures } from './datastores';
import { DemoEstate } from './model';

/** `datasets/README.md`: what the demo estate holds, with its figures computed from the estate itself. */

const count = <T>(xs: T[], f: (x: T) => boolean) => xs.filter(f).length;
const osFamily = (s: string) =>
  /windows/i.test(s) ? 'Windows' : /linux|ubuntu|centos|red hat|suse/i.test(s) ? 'Linux' : 'other (FreeBSD, Solaris)';

export function datasetReadme(e: DemoEstate, opts: { seed: number; vms: number }): string {
  const vms = e.vms;
  const on = vms.filter((v) => v.powerState === 'poweredOn');
  const meanCpu = on.filter((v) => !v.zombie).reduce((s, v) => s + v.cpuPct, 0) / Math.max(1, count(on, (v) => !v.zombie));
  const byFamily = new Map<string, number>();
  for (const v of vms) byFamily.set(osFamily(v.os.config), (byFamily.get(osFamily(v.os.config)) ?? 0) + 1);
  const clusterRows = e.clusters.map((c) => {
    const hosts = e.hosts.filter((h) => h.cluster === c);
    const s = hosts[0].spec;
    return `| ${c} | ${e.vcenters[hosts[0].vcenter].datacenter} | ${hosts.length} | ${s.vendor} ${s.model}, ${s.cpuModel}, ` +
      `${s.sockets} x ${s.coresPerSocket} cores, ${s.memoryGib} GiB | ${count(vms, (v) => v.host.cluster === c)} |`;
  });
  const sizeBands = [
    ['1-2 vCPU', (n: number) => n <= 2],
    ['4 vCPU', (n: number) => n === 4],
    ['8 vCPU', (n: number) => n === 8],
    ['16 vCPU', (n: number) => n === 16],
    ['32-48 vCPU', (n: number) => n >= 32],
  ] as const;
  const largest = [...vms].sort((a, b) => b.memoryGib - a.memoryGib || a.name.localeCompare(b.name)).slice(0, 3);
  const sql = vms.filter((v) => /^sql/.test(v.name));
  const tib = (m: number) => (m / 1024 / 1024).toFixed(1);
  const dsFigures = e.datastores.map((d) => ({ d, f: datastoreFigures(d) }));
  const dsCapacity = e.datastores.reduce((s, d) => s + d.capacityMib, 0);
  const dsInUse = dsFigures.reduce((s, x) => s + x.f.inUseMib, 0);
  const nearFull = dsFigures.filter((x) => x.f.freeMib / x.d.capacityMib < 0.1).map((x) => `\`${x.d.name}\` (${x.f.freePct} % free)`);
  return `# The dcplan demo estate

A fictional customer, **Harbourline Logistics**, written for dcplan (nothing here is copied from a real export).
\`dcplan assess\` with no files runs on it. Every file is produced by the estate generator (\`test/helpers/estate/\`) with the seeded PRNG
(seed ${opts.seed}, ${opts.vms} VMs): regenerate with \`npm run demo\`; a test checks that
regenerating gives byte-identical files.

| file | what it is |
|---|---|
| \`demo-rvtools/RVTools_tab*.csv\` | the VMware estate as an RVTools 4.x "Export all to csv" folder: vInfo, vCPU, vMemory, vDisk, vHost, vCluster, vSnapshot, vUSB, vDatastore |
| \`demo-generic.csv\` | ${e.physical.length} physical servers outside vCenter, in dcplan's generic inventory CSV (with monitoring averages and 95th percentiles) |
| \`assessment.yaml\` | the assessment config: policy, ${HOST_MODELS.length} candidate host models, constraints, branding, scenarios |
| \`logo.png\` | the (fictional) consultancy's logo for the report cover, drawn with @napi-rs/canvas |

## The VMware estate

Two vCenters (one per datacenter), ${e.clusters.length} clusters, ${e.hosts.length} existing hosts (older 2-socket servers):

| cluster | datacenter | hosts | host model | VMs |
|---|---|---|---|---|
${clusterRows.join('\n')}

- ${vms.length} VM rows: ${on.length} powered on, ${count(vms, (v) => v.powerState === 'poweredOff' && !v.template)} powered off,
  ${count(vms, (v) => v.template)} templates (\`tpl-win2022-std\`, \`tpl-rhel9\`).
- Sizes skew small like real estates: ${sizeBands.map(([label, f]) => `${count(vms, (v) => f(v.vcpus))} × ${label}`).join(', ')}.
  The largest: ${largest.map((v) => `\`${v.name}\` (${v.vcpus} vCPU, ${v.memoryGib} GiB)`).join(', ')}.
- OS: ${[...byFamily].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${n} ${f}`).join(', ')}; including Windows Server 2008 R2
  and 2012, CentOS 7 and RHEL 7 (past or near end of support), FreeBSD, Solaris 11 and "Other Linux" appliances.
- Utilisation is a point-in-time RVTools snapshot (vCPU \`Overall\` MHz, vMemory \`Active\`/\`Consumed\`): mean CPU of the
  running VMs ${meanCpu.toFixed(1)} %; ${count(vms, (v) => v.idle)} idle VMs (CPU under 3 %, active memory under 4 %) and
  ${count(vms, (v) => v.zombie)} zombies (CPU and active memory zero).
- Storage: ${e.datastores.length} datastores (vDatastore), ${count(e.datastores, (d) => d.type === 'VMFS')} VMFS mounted by every host of
  their cluster (the Prod ones in the datastore clusters \`dsc-prod-north\` / \`dsc-prod-south\`) and one NFS export
  (\`nfs-dn-templates\`, the templates and some dev VMs); ${tib(dsCapacity)} TiB capacity, ${tib(dsInUse)} TiB in use. Each VM's
  files sit on one datastore: vDisk \`Path\` is \`[datastore] vm/vm.vmdk\`, and a datastore's \`In Use MiB\` is its VMs' used
  disk + swap of the running ones + snapshots (RDMs excluded). Near full on purpose: ${nearFull.join(', ') || 'none'}.
- Custom attributes (columns between \`Annotation\` and \`Datacenter\`): \`Application\`, \`Cost Centre\`, \`Environment\`, \`Owner\`.
- Constraints the config refers to:
  - \`dc01\` / \`dc02\`: domain controllers that must stay apart; also an RVTools DRS rule \`separate-domain-controllers\`
    (\`Cluster rule name(s)\`).
  - ERP: \`erp-web-01/02\`, \`erp-app-01..03\`, \`erp-db-01\`, kept together (affinity).
  - SQL Server licence pool: the ${sql.length} VMs whose name starts with \`sql\` (${sql.map((v) => v.name).join(', ')}).
- Readiness findings on purpose: an Oracle RAC pair with multi-writer shared disks (\`ora-rac-01/02\`), a physical-mode RDM
  (\`file-cl-01\`), fault tolerance on (\`fin-ledger-01\`), a USB licence dongle (\`lic-server-01\`),
  ${count(vms, (v) => v.snapshots.length > 0)} VMs with forgotten snapshots (${vms.reduce((n, v) => n + v.snapshots.length, 0)} in vSnapshot), EFI + secure boot VMs, very large VMs.

## The physical servers (\`demo-generic.csv\`)

${e.physical.length} servers (Oracle, backup, file, HPC, a FreeBSD mail gateway, a Windows 2008 R2 warehouse controller ...),
\`kind\` = physical, \`host\` = the server itself, CPU and memory averages and 95th percentiles, IOPS and network Mbps from
monitoring, tags like \`rack:B12;owner:m.jansen\`. The \`phy-hpc\` servers run hot (p95 well above 70 %).

## Candidate host models (\`assessment.yaml\`)

| id | CPU | memory | cost | power idle / max | rack units |
|---|---|---|---|---|---|
${HOST_MODELS.map((m) => `| ${m.id} | ${m.sockets} x ${m.coresPerSocket} cores @ ${m.cpuGhz} GHz | ${m.memoryGib} GiB | EUR ${m.cost.toLocaleString('en-US')} | ${m.powerIdleW} / ${m.powerMaxW} W | ${m.rackUnits}U |`).join('\n')}

Prices and power figures are plausible list-price-level numbers for current 1- and 2-socket servers, not quotes.

## Scenarios

\`assessment.yaml\` lists three what-if scenarios besides the baseline: \`dense-hosts\` (only the 2 x 48-core model),
\`allocated-4to1\` and \`allocated-6to1\` (allocation-based sizing at 4 and 6 vCPU per core). \`dcplan assess\` plans each
(\`plan-<scenario>.json\`) and the report compares them side by side.

## Units and quirks (as RVTools writes them)

MiB for memory and disks, MHz for CPU; vCluster \`TotalMemory\` in bytes (as the vSphere API reports it); every CSV field
quoted, CRLF line ends; booleans \`True\`/\`False\`; \`Creation date\` as \`yyyy/mm/dd hh:mm:ss\`.
`;
}
