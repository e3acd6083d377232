import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { rvtoolsCsvCollector } from '../collect/collectors/rvtools';
import { collectFiles } from '../collect/pipeline';
import { probeFile } from '../collect/read/probe';
import { Random } from '../util/random';

/**
 * `npm run bench:collect [-- --vms 200000] [--keep]`: writes an RVTools per-tab CSV export (RVTools_tabvInfo.csv with
 * 4.x headers and custom attributes, plus RVTools_tabvHost.csv, one host per ~25 VMs) with the seeded PRNG, collects
 * the folder through the real pipeline (probe → rvtools-csv collector → merge, flags, exclusions, schema validation)
 * and prints vInfo rows per second and peak memory (RSS sampled every 20 ms, and the kernel's maxRSS).
 * Targets: ≥ 100,000 rows/s and < 1 GiB peak.
 */

const VINFO_HEADERS = [
  'VM', 'Powerstate', 'Template', 'SRM Placeholder', 'Config status', 'CPUs', 'Memory', 'NICs', 'Disks',
  'Total disk capacity MiB', 'Primary IP Address', 'Network #1', 'Resource pool', 'FT State', 'Provisioned MiB',
  'In Use MiB', 'Unshared MiB', 'Cluster rule(s)', 'Cluster rule name(s)', 'EFI Secure boot', 'Firmware', 'HW version',
  'Annotation', 'Owner', 'Environment', 'Datacenter', 'Cluster', 'Host', 'OS according to the configuration file',
  'OS according to the VMware Tools', 'VM ID', 'VM UUID', 'VI SDK Server', 'VI SDK UUID',
];
const VHOST_HEADERS = [
  'Host', 'Datacenter', 'Cluster', 'CPU Model', 'Speed', 'HT Active', '# CPU', 'Cores per CPU', '# Cores', 'CPU usage %',
  '# Memory', 'Memory usage %', '# VMs', 'ESX Version', 'Vendor', 'Model', 'VI SDK Server', 'VI SDK UUID',
];
const OSES = [
  'Microsoft Windows Server 2019 (64-bit)', 'Microsoft Windows Server 2016 (64-bit)', 'Microsoft Windows Server 2022 (64-bit)',
  'Red Hat Enterprise Linux 8 (64-bit)', 'Ubuntu Linux (64-bit)', 'CentOS 7 (64-bit)', 'SUSE Linux Enterprise 15 (64-bit)',
];
const VC = 'vcsa-bench.example';
const VC_UUID = '6a1b2c3d-0000-4000-8000-00000000bench';

const q = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;

/** Streams the export to disk in 1 MiB batches so generation itself stays small. */
async function generate(dir: string, vms: number, rnd: Random): Promise<number> {
  const hosts = Math.max(1, Math.ceil(vms / 25));
  const hostName = (i: number) => `esx${String(i + 1).padStart(5, '0')}.bench.example`;
  const clusterOf = (h: number) => `Cluster-${String(Math.floor(h / 16) + 1).padStart(4, '0')}`;
  const vhost = [VHOST_HEADERS.map(q).join(',')];
  for (let h = 0; h < hosts; h++) {
    vhost.push(
      [hostName(h), 'DC1', clusterOf(h), 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', 2000, 'True', 2, 32, 64, rnd.int(5, 60), 1048576, rnd.int(20, 80), 25, 'VMware ESXi 8.0.2', 'Dell Inc.', 'PowerEdge R750', VC, VC_UUID]
        .map(q)
        .join(','),
    );
  }
  fs.writeFileSync(path.join(dir, 'RVTools_tabvHost.csv'), vhost.join('\r\n') + '\r\n');

  const out = fs.createWriteStream(path.join(dir, 'RVTools_tabvInfo.csv'));
  const write = (s: string) => new Promise<void>((res) => (out.write(s) ? res() : out.once('drain', () => res())));
  let buf = VINFO_HEADERS.map(q).join(',') + '\r\n';
  for (let i = 0; i < vms; i++) {
    const h = rnd.int(0, hosts - 1);
    const cpus = rnd.pick([1, 2, 2, 4, 4, 8, 16]);
    const mem = rnd.pick([2048, 4096, 8192, 8192, 16384, 32768]);
    const disk = Math.round(rnd.logNormal(80, 0.8)) * 1024;
    const off = rnd.next() < 0.06;
    const template = rnd.next() < 0.01;
    const os = rnd.pick(OSES);
    const id = i + 1;
    const uuid = `4200${String(id).padStart(4, '0').slice(-4)}-${(id * 2654435761 >>> 0).toString(16).padStart(8, '0')}-4000-8000-${String(id).padStart(12, '0')}`;
    buf +=
      [
        `vm${String(id).padStart(6, '0')}`, off || template ? 'poweredOff' : 'poweredOn', template ? 'True' : 'False', 'False', 'green',
        cpus, mem, 1, 1, disk, `10.${(id >> 16) & 255}.${(id >> 8) & 255}.${id & 255}`, 'VM Network', '/DC1/host/Resources',
        'notConfigured', disk + mem, Math.round(disk * rnd.next()), Math.round(disk * 0.4), '', '', 'False', 'efi', 19,
        '', rnd.pick(['team-a', 'team-b', 'team-c']), rnd.pick(['prod', 'test', 'dev']), 'DC1', clusterOf(h), hostName(h),
        os, os, `vm-${1000 + id}`, uuid, VC, VC_UUID,
      ]
        .map(q)
        .join(',') + '\r\n';
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((res) => out.end(() => res()));
  return hosts;
}

async function main(argv: string[]): Promise<void> {
  const i = argv.indexOf('--vms');
  const vms = i >= 0 ? Number(argv[i + 1]) : 200000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-bench-collect-'));
  const g0 = Date.now();
  const hosts = await generate(dir, vms, new Random(20260522));
  const size = fs.statSync(path.join(dir, 'RVTools_tabvInfo.csv')).size;
  process.stdout.write(
    `generated ${vms.toLocaleString('en-US')} VMs (${(size / 1048576).toFixed(1)} MiB vInfo) and ${hosts.toLocaleString('en-US')} hosts in ${((Date.now() - g0) / 1000).toFixed(2)} s (${dir})\n`,
  );

  if (global.gc) global.gc();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const { inventory } = await collectFiles([dir], { includePoweredOff: false });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const maxRss = process.resourceUsage().maxRSS * 1024;

  const rows = inventory.sources[0].rowsRead;
  const rate = rows / seconds;
  const mib = (b: number) => `${(b / 1048576).toFixed(0)} MiB`;
  process.stdout.write(
    `collected ${rows.toLocaleString('en-US')} vInfo rows → ${inventory.workloads.length.toLocaleString('en-US')} workloads, ` +
      `${inventory.hosts.length.toLocaleString('en-US')} hosts, ${inventory.excluded.length.toLocaleString('en-US')} excluded in ${seconds.toFixed(2)} s\n`,
  );
  process.stdout.write(`  rows/s (wall)      ${Math.round(rate).toLocaleString('en-US').padStart(7)}   (target ≥ 100,000: ${rate >= 100000 ? 'met' : 'NOT met'})\n`);
  // On a shared machine the wall clock includes time spent waiting for a core; CPU time is what the work costs.
  process.stdout.write(`  rows/CPU-second    ${Math.round(rows / cpuSeconds).toLocaleString('en-US').padStart(7)}   (${cpuSeconds.toFixed(2)} s CPU, user + system)\n`);
  process.stdout.write(`  peak RSS (sampled) ${mib(peakRss).padStart(7)}   (before collect ${mib(rssBefore)})\n`);
  process.stdout.write(`  maxRSS (kernel)    ${mib(maxRss).padStart(7)}   (target < 1 GiB: ${maxRss < 1 << 30 ? 'met' : 'NOT met'})\n`);
  // Where the CPU goes: the collector alone (CSV read + RVTools tab join), the rest is the pipeline's assembly
  // (merge, flags, exclusions, schema validation). Run after the figures above, so it does not touch the peak.
  const c0 = process.cpuUsage();
  const probe = await probeFile(dir, dir);
  const own = await rvtoolsCsvCollector.collect(probe, { includePoweredOff: false });
  const c1 = process.cpuUsage(c0);
  const collectorCpu = (c1.user + c1.system) / 1e6;
  process.stdout.write(
    `  of which the rvtools-csv collector alone: ${collectorCpu.toFixed(2)} s CPU for ${own.rowsRead.toLocaleString('en-US')} rows ` +
      `(${Math.round(own.rowsRead / collectorCpu).toLocaleString('en-US')} rows/CPU-second)\n`,
  );
  if (!argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`bench:collect failed: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
