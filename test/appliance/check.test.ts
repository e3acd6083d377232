import * as fs from 'fs';
import * as path from 'path';
import { checkAppliance } from '../../src/appliance/check';
import { runCli } from '../helpers/cli';
import { sharedPath } from '../helpers/shared';
import { certFile, manifest, oneVmDescriptor, tar, testSigner, tmpDir } from '../helpers/ova';

const disk = Buffer.alloc(5000, 3);
const ovf = oneVmDescriptor(disk.length);

function signedOva(dir: string, opts: { tamperDisk?: boolean; tamperManifest?: boolean } = {}): string {
  const signer = testSigner(dir);
  const mf = manifest('sha256', [{ name: 'app.ovf', data: ovf }, { name: 'disk.vmdk', data: disk }]);
  const cert = certFile('app.mf', mf, signer);
  const shipped = opts.tamperDisk ? Buffer.concat([disk.subarray(0, 4999), Buffer.from([9])]) : disk;
  const shippedMf = opts.tamperManifest ? mf.replace(/= ([0-9a-f])/, (_m, c: string) => `= ${c === '0' ? '1' : '0'}`) : mf;
  const file = path.join(dir, 'app.ova');
  fs.writeFileSync(file, tar([{ name: 'app.ovf', data: ovf }, { name: 'app.mf', data: shippedMf }, { name: 'app.cert', data: cert }, { name: 'disk.vmdk', data: shipped }]));
  return file;
}

describe('appliance check (core)', () => {
  test('a signed OVA: digests and the signature over the manifest verified', async () => {
    const r = await checkAppliance(signedOva(tmpDir()), 'app.ova');
    expect(r).toMatchObject({ status: 'valid', packageKind: 'ova', manifest: 'verified', signature: 'verified', ovfVersion: '1.x', option: 'small' });
    expect(r.digests).toEqual([
      { file: 'app.ovf', algorithm: 'sha256', match: true },
      { file: 'disk.vmdk', algorithm: 'sha256', match: true },
    ]);
    expect(r.certificate).toMatchObject({ selfSigned: true });
    expect(r.certificate!.subject).toMatch(/CN=dcplan test signer/);
    expect(r.findings).toEqual([]);
    expect(r.systems).toEqual([{ id: 'proxy-1', name: 'backup-proxy', vcpus: 2, memoryMib: 4096, diskGib: 20, nics: 1, hardwareFamily: ['vmx-13'] }]);
  });

  test('a tampered disk in a signed OVA: the signature still holds, the digest does not', async () => {
    const r = await checkAppliance(signedOva(tmpDir(), { tamperDisk: true }), 'app.ova');
    expect(r).toMatchObject({ status: 'findings', manifest: 'mismatch', signature: 'verified' });
    expect(r.findings.map((p) => p.code)).toEqual(['manifest-digest-mismatch']);
  });

  test('a manifest changed after signing: the signature fails', async () => {
    const r = await checkAppliance(signedOva(tmpDir(), { tamperManifest: true }), 'app.ova');
    expect(r.signature).toBe('invalid');
    expect(r.findings.map((p) => p.code).sort()).toEqual(['cert-signature-invalid', 'manifest-digest-mismatch']);
  });

  test('the certificate validity is judged on --date only', async () => {
    const r = await checkAppliance(signedOva(tmpDir()), 'app.ova', '2000-01-01');
    expect(r.findings.map((p) => p.code)).toEqual(['cert-not-valid-on-date']);
  });
});

describe('dcplan appliance check (CLI)', () => {
  test('exit 0 on a valid package, with --json the result', () => {
    const r = runCli(['appliance', 'check', signedOva(tmpDir()), '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ status: 'valid', signature: 'verified', manifest: 'verified' });
  });

  test('exit 1 with findings (the invalid sample descriptor), each with its line', () => {
    const r = runCli(['appliance', 'check', sharedPath('datasets', 'ovf-cot', 'invalid.ovf')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ERROR {3}ovf-bad-reference at .*invalid\.ovf › row 41/);
    expect(r.stdout).toMatch(/invalid\.ovf: 7 FINDING\(S\)/);
  });

  test('exit 1 for XML that is not well-formed; exit 2 for a tar that is not an OVA package', () => {
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'x.ovf'), '<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1">\n  <References>\n</Envelope>\n');
    const bad = runCli(['appliance', 'check', path.join(dir, 'x.ovf'), '--json']);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).findings[0]).toMatchObject({ code: 'ovf-xml', row: 3 });
    fs.writeFileSync(path.join(dir, 'y.ova'), tar([{ name: 'readme.txt', data: 'hello' }]));
    const notOva = runCli(['appliance', 'check', path.join(dir, 'y.ova')]);
    expect(notOva.status).toBe(2);
    expect(notOva.stderr).toMatch(/ova-descriptor-not-first/);
    expect(notOva.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  test('the sample descriptors with their manifests: SHA1 and SHA256 digests of the descriptors match', async () => {
    for (const f of ['input.ovf', 'ubuntu.2.0.ovf']) {
      const r = await checkAppliance(sharedPath('datasets', 'ovf-cot', f), f);
      expect(r.status).toBe('valid');
      expect(r.manifest).toBe('incomplete');
      expect(r.digests.find((d) => d.file === f)).toEqual({ file: f, algorithm: f === 'input.ovf' ? 'sha1' : 'sha256', match: true });
    }
  });
});
