import * as fs from 'fs';
import * as path from 'path';
import Papa from 'papaparse';
import { Random } from '../../src/util/random';
import { generateDemoFiles } from '../helpers/estate/demo-files';
import { InventorySchema } from '../../src/inventory/schema';
import { estateInventory } from '../helpers/estate/inventory';
import { LeastLoaded } from '../helpers/estate/least-loaded';
import { DemoHost } from '../helpers/estate/model';
import { repoRoot } from '../helpers/cli';

const datasets = path.join(repoRoot, 'datasets');

function readTab(name: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(datasets, 'demo-rvtools', name), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

describe('demo estate in datasets/', () => {
  const files = generateDemoFiles();

  it('regenerates byte for byte identical to the committed files, and nothing else is in datasets/', () => {
    const committed: string[] = [];
    const walk = (dir: string, rel = '') => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}${e.name}/`);
        else committed.push(`${rel}${e.name}`);
      }
    };
    walk(datasets);
    expect(committed.sort()).toEqual([...files.keys()].sort());
    for (const [rel, content] of files) {
      const onDisk = fs.readFileSync(path.join(datasets, rel));
      expect({ rel, same: Buffer.compare(onDisk, Buffer.from(content)) === 0 }).toEqual({ rel, same: true });
    }
  });

  it('a second generation in the same process gives the same bytes (no hidden state)', () => {
    const again = generateDemoFiles();
    for (const [rel, content] of files) expect(Buffer.compare(Buffer.from(again.get(rel)!), Buffer.from(content))).toBe(0);
  });

  it('has the shape the brief asks for: clusters, hosts, skew, templates, powered-off, idle and zombie VMs', () => {
    const vInfo = readTab('RVTools_tabvInfo.csv');
    const vHost = readTab('RVTools_tabvHost.csv');
    const vCluster = readTab('RVTools_tabvCluster.csv');
    expect(vInfo).toHaveLength(480);
    expect(vHost).toHaveLength(30);
    expect(vCluster.map((c) => c.Name)).toEqual(['Prod-North', 'Dev-North', 'Prod-South', 'DMZ-South']);
    expect(new Set(vInfo.map((v) => v.Datacenter))).toEqual(new Set(['DC-North', 'DC-South']));
    expect(vInfo.filter((v) => v.Template === 'True').map((v) => v.VM)).toEqual(['tpl-win2022-std', 'tpl-rhel9']);
    expect(vInfo.filter((v) => v.Powerstate === 'poweredOff' && v.Template === 'False')).toHaveLength(21);
    const cpus = vInfo.map((v) => Number(v.CPUs));
    expect(cpus.filter((c) => c <= 2).length).toBeGreaterThan(240); // most VMs are small
    expect(Math.max(...cpus)).toBe(48);
    expect(Math.max(...vInfo.map((v) => Number(v.Memory)))).toBe(512 * 1024);
    // idle and zombie VMs: running, with (almost) no CPU in use
    const vCpu = readTab('RVTools_tabvCPU.csv');
    const running = vCpu.filter((v) => v.Powerstate === 'poweredOn');
    expect(running.filter((v) => Number(v.Overall) === 0).map((v) => v.VM)).toHaveLength(6);
    expect(running.filter((v) => Number(v.Overall) / Number(v.Max) < 0.03).length).toBeGreaterThanOrEqual(26);
    // VM names are unique (the anti-affinity and pool globs rely on it)
    expect(new Set(vInfo.map((v) => v.VM)).size).toBe(480);
    // every VM's host is a vHost row (clean joins; the demo should not start with warnings)
    const hostNames = new Set(vHost.map((h) => h.Host));
    expect(vInfo.every((v) => hostNames.has(v.Host))).toBe(true);
  });

  it('keeps dc01 and dc02 on different existing hosts and names the DRS rule', () => {
    const vInfo = readTab('RVTools_tabvInfo.csv');
    const dcs = vInfo.filter((v) => v.VM === 'dc01' || v.VM === 'dc02');
    expect(dcs.map((d) => d['Cluster rule name(s)'])).toEqual(['separate-domain-controllers', 'separate-domain-controllers']);
    expect(dcs[0].Host).not.toBe(dcs[1].Host);
  });

  it('has snapshots and a USB dongle for the readiness checks that need them', () => {
    const snaps = readTab('RVTools_tabvSnapshot.csv');
    expect(snaps).toHaveLength(61);
    expect(new Set(snaps.map((s) => s.VM)).size).toBe(30);
    expect(readTab('RVTools_tabvUSB.csv').map((u) => [u.VM, u['Device Type']])).toEqual([['lic-server-01', 'SafeNet Sentinel HASP HL dongle']]);
  });

  it('has datastores that agree with the VMs: a few VMFS per cluster, one NFS, one near full, every disk path naming one', () => {
    const ds = readTab('RVTools_tabvDatastore.csv');
    expect(Object.keys(ds[0])).toEqual(['Name', 'Config status', 'Address', 'Accessible', 'Type', '# VMs total', '# VMs',
      'Capacity MiB', 'Provisioned MiB', 'In Use MiB', 'Free MiB', 'Free %', '# Hosts', 'Hosts', 'Cluster name', 'URL',
      'Object ID', 'VI SDK Server', 'VI SDK UUID']);
    expect(ds.map((d) => d.Name)).toEqual(['pn-vmfs01', 'pn-vmfs02', 'pn-vmfs03', 'pn-vmfs04', 'pn-vmfs05', 'pn-vmfs06',
      'dn-vmfs01', 'dn-vmfs02', 'dn-vmfs03', 'ps-vmfs01', 'ps-vmfs02', 'ps-vmfs03', 'ps-vmfs04', 'ps-vmfs05', 'dz-vmfs01',
      'dz-vmfs02', 'nfs-dn-templates']);
    expect(ds.filter((d) => d.Type === 'NFS').map((d) => d.Name)).toEqual(['nfs-dn-templates']);
    for (const d of ds) expect(Number(d['Free MiB'])).toBe(Number(d['Capacity MiB']) - Number(d['In Use MiB']));
    expect(ds.filter((d) => Number(d['Free %']) < 10).map((d) => [d.Name, d['Free %']])).toEqual([['ps-vmfs02', '7']]);
    // every VM is on exactly one datastore; # VMs total adds up to the VM rows
    expect(ds.reduce((s, d) => s + Number(d['# VMs total']), 0)).toBe(480);
    const vDisk = readTab('RVTools_tabvDisk.csv');
    const names = new Set(ds.map((d) => d.Name));
    expect(vDisk.every((d) => /^\[[^\]]+\] [^/]+\/[^/]+\.vmdk$/.test(d.Path) && names.has(d.Path.slice(1, d.Path.indexOf(']'))))).toBe(true);
    expect(vDisk.find((d) => d.VM === 'dc01')!.Path).toBe('[pn-vmfs01] dc01/dc01.vmdk');
    // In Use = the VMs' used disk (RDMs excluded) + swap of running VMs + snapshots, as vInfo reports them
    const vInfo = new Map(readTab('RVTools_tabvInfo.csv').map((v) => [v.VM, v]));
    const snaps = readTab('RVTools_tabvSnapshot.csv');
    const rawMib = new Map<string, number>();
    for (const d of vDisk) if (d.Raw === 'True') rawMib.set(d.VM, (rawMib.get(d.VM) ?? 0) + Number(d['Capacity MiB']));
    const onDs = new Map<string, number>();
    for (const v of vInfo.values()) {
      const store = vDisk.find((d) => d.VM === v.VM)!.Path.slice(1).split(']')[0];
      const snap = snaps.filter((s) => s.VM === v.VM).reduce((s, x) => s + Number(x['Size MiB (total)']), 0);
      onDs.set(store, (onDs.get(store) ?? 0) + Number(v['In Use MiB']) - (rawMib.get(v.VM) ?? 0) + snap);
    }
    for (const d of ds) expect([d.Name, onDs.get(d.Name)]).toEqual([d.Name, Number(d['In Use MiB'])]);
  });

  it('writes the physical servers as a generic CSV with the issue-2 columns', () => {
    const text = fs.readFileSync(path.join(datasets, 'demo-generic.csv'), 'utf8');
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    for (const col of ['name', 'vcpus', 'memory_gib', 'storage_gib', 'storage_used_gib', 'cpu_ghz', 'cpu_util_pct',
      'cpu_util_p95_pct', 'memory_util_pct', 'memory_util_p95_pct', 'iops', 'network_mbps', 'os', 'environment',
      'application', 'cluster', 'host', 'power_state', 'tags'])
      expect(rows.meta.fields).toContain(col);
    expect(rows.data).toHaveLength(36);
    expect(rows.data.every((r) => Number(r.cpu_util_p95_pct) >= Number(r.cpu_util_pct))).toBe(true);
  });

  it('the large estates\' host choice (LeastLoaded) picks what the plain filter picks, draw for draw', () => {
    for (const hostCount of [1, 3, 7, 50, 400]) {
      const hosts = () => Array.from({ length: hostCount }, (_, i) => ({ vms: new Array(i % 3).fill(null) }) as unknown as DemoHost);
      const [plain, fast] = [hosts(), hosts()];
      const [r1, r2] = [new Random(hostCount), new Random(hostCount)];
      const placer = new LeastLoaded(fast);
      const picks: [number, number][] = [];
      for (let s = 0; s < hostCount * 30; s++) {
        const min = Math.min(...plain.map((h) => h.vms.length));
        const chosen = r1.pick(plain.filter((h) => h.vms.length <= min + 2));
        chosen.vms.push(chosen.vms[0]);
        const placed = placer.place(r2);
        placed.vms.push(placed.vms[0]);
        picks.push([plain.indexOf(chosen), fast.indexOf(placed)]);
      }
      expect(picks.filter(([a, b]) => a !== b)).toEqual([]);
    }
  });

  it('as an inventory in memory (bench:plan, planner tests) it is a valid inventory of the running VMs and servers', () => {
    const inv = estateInventory({ vms: 480 });
    expect(InventorySchema.safeParse(inv).success).toBe(true);
    expect(inv.workloads).toHaveLength(480 - 2 - 21 + 36); // less 2 templates and 21 powered-off, plus 36 physical
  });

  it('the logo is a PNG', () => {
    expect(fs.readFileSync(path.join(datasets, 'logo.png')).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  });
});
