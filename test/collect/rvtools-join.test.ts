import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildOutput } from '../../src/collect/collectors/rvtools/build';
import { rvtoolsCsvCollector } from '../../src/collect/collectors/rvtools';
import { HostMatcher } from '../../src/collect/collectors/rvtools/hosts';
import { TabSink } from '../../src/collect/collectors/rvtools/tabs';
import { probeFile } from '../../src/collect/read/probe';
import { Host } from '../../src/inventory/schema';

const host = (name: string, vcenter?: string): Host => ({
  id: `${vcenter ?? 'x'}/${name}`,
  name,
  ...(vcenter ? { vcenter } : {}),
  sockets: 2,
  coresPerSocket: 8,
  cores: 16,
  cpuMhz: 2400,
  memoryMib: 262144,
  provenance: [{ file: 'f', sheet: 'vHost', row: 2 }],
});

describe('HostMatcher: tolerant, never guessing', () => {
  const m = new HostMatcher([host('esx01.corp.local'), host('ESX02'), host('vmsp-04'), host('esx10'), host('esx01-mgmt'), host('10.1.1.5')]);
  const how = (name: string) => {
    const r = m.match(name, undefined);
    return r ? `${r.how}:${r.host.name}` : 'none';
  };

  it('exact, case-insensitive, short name, unique suffix', () => {
    expect(how('esx01.corp.local')).toBe('exact:esx01.corp.local');
    expect(how('esx02')).toBe('case-insensitive:ESX02');
    expect(how('esx01')).toBe('short-name:esx01.corp.local');
    expect(how('ESX02.other.domain')).toBe('short-name:ESX02');
    expect(how('bovmsp-04.customer.com')).toBe('affix:vmsp-04');
  });

  it('does not take esx1 for esx10, nor match IP addresses by parts', () => {
    expect(how('esx1')).toBe('none');
    expect(how('10.1.1.50')).toBe('none');
    expect(how('0.1.1.5')).toBe('none');
    expect(how('10.1.1.5')).toBe('exact:10.1.1.5');
  });

  it('an ambiguous name matches nothing', () => {
    const two = new HostMatcher([host('esx01.a.local'), host('esx01.b.local')]);
    expect(two.match('esx01', undefined)).toBeUndefined();
    // ... unless the VM's vCenter tells them apart
    const scoped = new HostMatcher([host('esx01.a.local', 'vc-a'), host('esx01.b.local', 'vc-b')]);
    expect(scoped.match('esx01', 'vc-b')?.host.name).toBe('esx01.b.local');
  });
});

/** Runs rows through the sink and the join, as the collectors do. */
function collect(tabs: Record<string, string[][]>) {
  const sink = new TabSink();
  for (const [tab, [headers, ...rows]] of Object.entries(tabs)) {
    sink.begin(tab as never, { file: `${tab}.csv` }, headers);
    rows.forEach((r, i) => sink.row(r, i + 2));
  }
  return buildOutput('rvtools-csv', sink.data, 'export', Object.keys(tabs), sink.problems, sink.excluded);
}

describe('VM join across tabs', () => {
  it('a row without vCenter columns whose name is in two vCenters is listed as ambiguous, not guessed', () => {
    const out = collect({
      vInfo: [
        ['VM', 'CPUs', 'Memory', 'Powerstate', 'VI SDK Server'],
        ['app', '2', '4096', 'poweredOn', 'vc-a'],
        ['app', '4', '8192', 'poweredOn', 'vc-b'],
      ],
      vCPU: [
        ['VM', 'Reservation'],
        ['app', '100'],
      ],
    });
    expect(out.workloads.map((w) => [w.id, w.config.cpuReservationMhz])).toEqual([
      ['vc-a/app', undefined],
      ['vc-b/app', undefined],
    ]);
    expect(out.excluded).toEqual([
      {
        name: 'app',
        kind: 'row',
        code: 'rvtools-unjoined-row',
        reason: 'vCPU: its name "app" matches several VMs in vInfo (add the VI SDK UUID column to tell vCenters apart)',
        provenance: { file: 'vCPU.csv', sheet: 'vCPU', row: 2 },
      },
    ]);
  });

  it('two VMs with the same name in one vCenter and no UUID both stay, with distinct ids', () => {
    const out = collect({
      vInfo: [
        ['VM', 'CPUs', 'Memory', 'Powerstate'],
        ['dup', '1', '1024', 'poweredOn'],
        ['dup', '2', '2048', 'poweredOn'],
      ],
    });
    expect(out.workloads.map((w) => [w.id, w.vcpus])).toEqual([
      ['export/dup', 1],
      ['export/dup#3', 2],
    ]);
    expect(out.problems.map((p) => [p.code, p.row, p.message])).toEqual([
      ['rvtools-duplicate-vm', 3, 'VM dup repeats the name of row 2 in the same vCenter; both are kept, this one as export/dup#3.'],
      ['rvtools-vm-without-host', undefined, '2 VM(s) have no Host value in vInfo: dup (row 2), dup (row 3).'],
      ['rvtools-tabs', undefined, 'Read vInfo (2 rows).'],
    ]);
  });

  it('a vInfo CSV under another name is recognised by its headers and read alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-rvtools-'));
    const file = path.join(dir, 'customer-export.csv');
    fs.writeFileSync(file, 'VM;Powerstate;CPUs;Memory;Host\r\nweb;poweredOn;2;4096;esx1\r\n');
    const probe = await probeFile(file, file);
    expect(rvtoolsCsvCollector.detect(probe)).toBe(0.85);
    const out = await rvtoolsCsvCollector.collect(probe, { includePoweredOff: false });
    expect(out.workloads.map((w) => [w.name, w.vcpus, w.memoryMib, w.location.host])).toEqual([['web', 2, 4096, 'esx1']]);
    expect(out.problems.map((p) => p.code)).toEqual(['rvtools-host-not-joined', 'rvtools-tabs']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a folder export names the files it holds that are not RVTools tabs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-rvtools-'));
    fs.writeFileSync(path.join(dir, 'RVTools_tabvInfo.csv'), 'VM,Powerstate,CPUs,Memory\r\nweb,poweredOn,2,4096\r\n');
    fs.writeFileSync(path.join(dir, 'servers.csv'), 'name,vcpus,memory_gib\r\ndb,4,16\r\n');
    const probe = await probeFile(dir, 'export-folder');
    const out = await rvtoolsCsvCollector.collect(probe, { includePoweredOff: false });
    expect(out.workloads.map((w) => w.name)).toEqual(['web']);
    expect(out.problems.find((p) => p.code === 'rvtools-files-not-read')!.message).toBe(
      'export-folder also holds files that are not RVTools tab exports, not read: servers.csv.',
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a vInfo tab without VM rows is an error (a truncated or empty export), not an empty estate', () => {
    const out = collect({ vInfo: [['VM', 'CPUs', 'Memory']], vHost: [['Host', 'Speed'], ['esx1', '2400']] });
    expect(out.workloads).toEqual([]);
    expect(out.problems).toEqual([
      {
        code: 'rvtools-empty-vinfo',
        severity: 'error',
        message: 'The vInfo tab holds no VM rows (only its header, or nothing).',
        file: 'vInfo.csv',
        sheet: 'vInfo',
        hint: 'The export may be truncated or filtered to nothing; export again from RVTools.',
      },
    ]);
  });
});
