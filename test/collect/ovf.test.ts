import * as fs from 'fs';
import * as path from 'path';
import { collectFiles } from '../../src/collect/pipeline';
import { UserError } from '../../src/diagnostics';
import { readAppliance } from '../../src/collect/collectors/ovf/read';
import { parseUnit } from '../../src/collect/collectors/ovf/units';
import { buildConstraints } from '../../src/plan/constraints';
import { resolveConfig } from '../../src/config/defaults';
import { sharedPath } from '../helpers/shared';
import { manifest, oneVmDescriptor, tar, tmpDir, vAppDescriptor } from '../helpers/ova';

const cot = (f: string) => sharedPath('datasets', 'ovf-cot', f);

async function collect(files: string[], extra: { ovfOption?: string; ovfOptionFrom?: 'flag' | 'config' } = {}) {
  return (await collectFiles(files, { includePoweredOff: false, ...extra })).inventory;
}

async function userErrors(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UserError) return e.problems.map((x) => `${x.code}: ${x.message}`);
    throw e;
  }
  throw new Error('expected a UserError');
}

describe('OVF descriptors from the Common OVF Tool test suite', () => {
  test('input.ovf: three deployment options, the default one sized, every option listed', async () => {
    const inv = await collect([cot('input.ovf')]);
    expect(inv.sources[0].format).toBe('ovf');
    expect(inv.workloads).toHaveLength(1);
    const w = inv.workloads[0];
    expect(w).toMatchObject({ kind: 'appliance', name: 'test', vcpus: 4, memoryMib: 4096, nics: 3, provisionedGib: 1 });
    expect(w.appliance).toMatchObject({ product: 'PRODUCT', vendor: 'VENDOR', version: 'DEV', ovfVersion: '1.x', option: '4CPU-4GB-3NIC', optionChosenBy: 'default' });
    expect(w.appliance!.hardwareFamily).toEqual(['vmx-07', 'vmx-08']);
    expect(w.config.hwVersion).toBe('vmx-07');
    expect(w.appliance!.options.map((o) => [o.id, o.vcpus, o.memoryMib, o.nics, o.default])).toEqual([
      ['1CPU-1GB-1NIC', 1, 1024, 1, false],
      ['2CPU-2GB-1NIC', 2, 2048, 1, false],
      ['4CPU-4GB-3NIC', 4, 4096, 3, true],
    ]);
    // the descriptor's own digest in input.mf is recomputed; the disks are not beside it
    expect(w.appliance!.validation).toMatchObject({ status: 'valid', manifest: 'incomplete', signature: 'unsigned' });
  });

  test('--ovf-option picks another option; an unknown one is a user error naming the options', async () => {
    const inv = await collect([cot('input.ovf')], { ovfOption: '2CPU-2GB-1NIC', ovfOptionFrom: 'flag' });
    expect(inv.workloads[0]).toMatchObject({ vcpus: 2, memoryMib: 2048, nics: 1 });
    expect(inv.workloads[0].appliance).toMatchObject({ option: '2CPU-2GB-1NIC', optionChosenBy: 'flag' });
    const errs = await userErrors(collect([cot('input.ovf')], { ovfOption: 'huge', ovfOptionFrom: 'config' }));
    expect(errs).toEqual([expect.stringMatching(/^ovf-option-unknown: .*"huge" \(collect\.ovfOption in the config\).*1CPU-1GB-1NIC, 2CPU-2GB-1NIC, 4CPU-4GB-3NIC/)]);
  });

  test('iosv.ovf: the network appliance with four options; option sizes from byte * 2^20 and byte * 2^30', async () => {
    const w = (await collect([cot('iosv.ovf')])).workloads[0];
    expect(w.appliance!.product).toBe('Cisco IOSv Virtual Router');
    expect(w.appliance!.options.map((o) => [o.id, o.vcpus, o.memoryMib, o.nics])).toEqual([
      ['1CPU-384MB-2NIC', 1, 384, 2],
      ['1CPU-1GB-8NIC', 1, 1024, 8],
      ['1CPU-3GB-10NIC', 1, 3072, 10],
      ['1CPU-3GB-16NIC', 1, 3072, 16],
    ]);
    expect(w).toMatchObject({ vcpus: 1, memoryMib: 384 });
    // two disks, in item order: 1 GiB given in plain bytes, and the 128 MiB flash
    expect(w.disks.map((d) => d.capacityGib)).toEqual([1, 0.125]);
  });

  test('vmware.ovf: populatedSize as used space, BIOS firmware from vmw:Config', async () => {
    const w = (await collect([cot('vmware.ovf')])).workloads[0];
    expect(w).toMatchObject({ vcpus: 2, memoryMib: 1536, provisionedGib: 1 });
    expect(w.usedGib).toBeCloseTo(293011456 / 1024 ** 3, 3);
    expect(w.config.firmware).toBe('bios');
    expect(w.os.family).toBe('linux');
  });

  test('ubuntu.2.0.ovf: VirtualBox OVF 2.0, MegaBytes, StorageItem and EthernetPortItem, SHA256 manifest', async () => {
    const w = (await collect([cot('ubuntu.2.0.ovf')])).workloads[0];
    expect(w).toMatchObject({ vcpus: 1, memoryMib: 512, provisionedGib: 8, nics: 1 });
    expect(w.os).toMatchObject({ family: 'linux', name: 'Ubuntu 64-Bit' });
    expect(w.appliance).toMatchObject({ ovfVersion: '2.x', hardwareFamily: ['virtualbox-2.2'], networks: ['NAT'] });
  });

  test('v0.9.ovf: pre-standard sections, InstanceId and MegaBytes', async () => {
    const w = (await collect([cot('v0.9.ovf')])).workloads[0];
    expect(w).toMatchObject({ vcpus: 1, memoryMib: 8192, provisionedGib: 1, nics: 1 });
    expect(w.appliance!.ovfVersion).toBe('0.9');
    expect(w.os.name).toBe('CentOS 64-bit');
  });

  test('minimal.ovf has nothing to size: listed as excluded, not dropped', async () => {
    const inv = await collect([cot('minimal.ovf')]);
    expect(inv.workloads).toEqual([]);
    expect(inv.excluded).toEqual([expect.objectContaining({ name: 'x', code: 'appliance-no-hardware' })]);
  });

  test('ersatz_ovf_3.0.ovf: an envelope version that does not exist is refused', async () => {
    const errs = await userErrors(collect([cot('ersatz_ovf_3.0.ovf')]));
    expect(errs).toEqual([expect.stringMatching(/^ovf-unknown-version: .*envelope\/3.*no OVF 3\.x/)]);
  });

  test('invalid.ovf: every broken reference found with its line', async () => {
    const r = await readAppliance(cot('invalid.ovf'), 'invalid.ovf');
    const errors = r.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.row]);
    expect(errors).toEqual([
      ['ovf-bad-reference', 10],
      ['ovf-bad-reference', 41],
      ['ovf-bad-parent', 49],
      ['ovf-bad-parent', 49],
    ]);
  });
});

describe('units', () => {
  test.each([
    ['byte * 2^20', 2 ** 20],
    ['byte*2^30', 2 ** 30],
    ['byte * 10^9', 1e9],
    ['byte * 1024', 1024],
    ['MegaBytes', 2 ** 20],
    ['GigaBytes', 2 ** 30],
    ['KB', 1024],
    ['byte', 1],
  ])('%s', (u, f) => expect(parseUnit(u)).toEqual({ base: 'byte', factor: f }));
  test('not size units', () => {
    expect(parseUnit('hertz * 10^6')!.base).toBe('hertz');
    expect(parseUnit('furlong * 2^3')).toBeUndefined();
    expect(parseUnit('byte * lots')).toBeUndefined();
  });
});

describe('OVA packages built here', () => {
  const disk = Buffer.alloc(3000, 7);
  const ovf = oneVmDescriptor(disk.length, { firmware: 'efi' });

  test('an OVA with descriptor, manifest and disk: read by streaming, digests verified, option sizes', async () => {
    const dir = tmpDir();
    const mf = manifest('sha256', [{ name: 'app.ovf', data: ovf }, { name: 'disk.vmdk', data: disk }]);
    const file = path.join(dir, 'app.ova');
    fs.writeFileSync(file, tar([{ name: 'app.ovf', data: ovf }, { name: 'app.mf', data: mf }, { name: 'disk.vmdk', data: disk }]));
    const inv = await collect([file]);
    const w = inv.workloads[0];
    expect(w).toMatchObject({ name: 'backup-proxy', vcpus: 2, memoryMib: 4096, provisionedGib: 20, usedGib: 1, nics: 1 });
    expect(w.config.firmware).toBe('efi');
    expect(w.appliance).toMatchObject({ packageKind: 'ova', product: 'Backup Proxy', vendor: 'Example Corp', version: '12.1', diskFormats: ['vmdk-streamOptimized'] });
    expect(w.appliance!.validation).toEqual({ status: 'valid', errors: 0, warnings: 0, manifest: 'verified', signature: 'unsigned' });
    expect(w.appliance!.options.map((o) => [o.id, o.vcpus, o.memoryMib])).toEqual([
      ['small', 2, 4096],
      ['large', 8, 16384],
    ]);
    const large = await collect([file], { ovfOption: 'large', ovfOptionFrom: 'config' });
    expect(large.workloads[0]).toMatchObject({ vcpus: 8, memoryMib: 16384 });
  });

  test('a tampered disk: the digest mismatch is a warning on collect, and the appliance is marked invalid', async () => {
    const dir = tmpDir();
    const mf = manifest('sha1', [{ name: 'app.ovf', data: ovf }, { name: 'disk.vmdk', data: disk }]);
    const tampered = Buffer.from(disk);
    tampered[100] = 8;
    const file = path.join(dir, 'app.ova');
    fs.writeFileSync(file, tar([{ name: 'app.ovf', data: ovf }, { name: 'app.mf', data: mf }, { name: 'disk.vmdk', data: tampered }]));
    const inv = await collect([file]);
    expect(inv.workloads[0].appliance!.validation).toMatchObject({ status: 'invalid', manifest: 'mismatch', errors: 1 });
    expect(inv.problems.filter((p) => p.code === 'manifest-digest-mismatch')).toEqual([
      expect.objectContaining({ severity: 'warning', row: 2, message: expect.stringMatching(/SHA1 of "disk\.vmdk" is [0-9a-f]{40}, the manifest says/) }),
    ]);
  });

  test('a folder package: descriptor, manifest and disk; a wrong size and a missing file are findings', async () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'app.ovf'), oneVmDescriptor(disk.length + 1));
    const r = await readAppliance(dir, 'pkg');
    expect(r.pkg.kind).toBe('folder');
    expect(r.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['ovf-file-missing']);
    fs.writeFileSync(path.join(dir, 'disk.vmdk'), disk);
    const r2 = await readAppliance(dir, 'pkg');
    expect(r2.problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual(['"disk.vmdk" is 3000 bytes, the descriptor says 3001']);
  });

  test('a tar whose first entry is not the descriptor is refused, naming the entries', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'bad.ova');
    fs.writeFileSync(file, tar([{ name: 'disk.vmdk', data: disk }, { name: 'app.ovf', data: ovf }]));
    const errs = await userErrors(collect([file]));
    expect(errs).toEqual([expect.stringMatching(/^ova-descriptor-not-first: .*first entry of the archive is "disk\.vmdk".*"app\.ovf" is entry 2/)]);
  });

  test('a truncated tar is refused with the byte where it ends', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'cut.ova');
    const whole = tar([{ name: 'app.ovf', data: ovf }, { name: 'disk.vmdk', data: disk }]);
    fs.writeFileSync(file, whole.subarray(0, whole.length - 1024 - 1500));
    const errs = await userErrors(collect([file]));
    expect(errs).toEqual([expect.stringMatching(/^ova-unreadable: .*truncated tar: entry "disk\.vmdk" declares 3000 bytes from byte \d+, but the file ends at byte \d+/)]);
  });

  test('an entity bomb is refused at its DOCTYPE, with line and column, in bounded memory', async () => {
    const dir = tmpDir();
    const lol = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE Envelope [\n${lol}\n]>\n<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1"><References/>&lol9;</Envelope>\n`;
    const file = path.join(dir, 'bomb.ovf');
    fs.writeFileSync(file, bomb);
    const before = process.memoryUsage().heapUsed;
    const errs = await userErrors(collect([file]));
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
    expect(errs).toEqual([expect.stringMatching(/^ovf-xml: the descriptor is not well-formed XML \(line \d+, column \d+\): a DOCTYPE declaration is not allowed/)]);
  });

  test('malformed XML names line and column', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'broken.ovf');
    fs.writeFileSync(file, ovf.replace('</DiskSection>', '</DiskSectio>'));
    const errs = await userErrors(collect([file]));
    expect(errs).toEqual([expect.stringMatching(/^ovf-xml: the descriptor is not well-formed XML \(line 10, column \d+\)/)]);
  });
});

describe('a VirtualSystemCollection (vApp)', () => {
  test('each VirtualSystem is a workload of the group; ${property} disk capacities resolve; the planner keeps them together', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'shop.ovf');
    fs.writeFileSync(file, vAppDescriptor());
    const inv = await collect([file]);
    expect(inv.workloads.map((w) => [w.name, w.vcpus, w.memoryMib, w.provisionedGib])).toEqual([
      ['db', 4, 16384, 100],
      ['web1', 2, 4096, 30],
      ['web2', 2, 4096, 30],
    ]);
    for (const w of inv.workloads) {
      expect(w.appliance!.group).toEqual({ id: 'shop', name: 'Web shop', members: 3 });
      expect(w.appliance!.product).toBe('Web Shop');
      expect(w.os.name).toBe('RedHat Enterprise Linux 64-Bit');
    }
    const together = buildConstraints(inv.workloads, resolveConfig({}));
    expect(together.components).toHaveLength(1);
    expect(together.components[0].affinity).toEqual([`appliance group "Web shop" (${file})`]);
    const apart = buildConstraints(inv.workloads, resolveConfig({ constraints: { applianceGroups: 'ignore' } }));
    expect(apart.components).toHaveLength(3);
  });
});
