import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadRules, Scorecard, scoreReadiness } from '../../src/readiness';
import { runCli } from '../helpers/cli';
import { buildInventory, InventorySpec } from './build';

/** An estate holding AIX, HP-UX, Solaris SPARC, OS/2 and a busy physical server (issue 15). */
const spec = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'readiness', 'legacy-estate.json'), 'utf8')) as InventorySpec;
const rules = loadRules().rules!;
const inventory = buildInventory(spec);
const x86 = rules.platforms.filter((p) => p.era === 'current').map((p) => p.id);

function byRule(sc: Scorecard, rule: string): string[] {
  return sc.findings.filter((f) => f.rule === rule).map((f) => (f.platform ? `${f.workload}@${f.platform}` : f.workload)).sort();
}

test('AIX, HP-UX and Solaris SPARC get a critical re-platform finding on every current x86 platform', () => {
  const sc = scoreReadiness({ rules, inventory, asOf: '2026-12-02' });
  const expected = ['billing-hpux', 'erp-aix', 'legacy-sparc'].flatMap((w) => x86.map((p) => `${w}@${p}`)).sort();
  expect(byRule(sc, 'guest-not-x86')).toEqual(expected);
  const aix = sc.findings.find((f) => f.rule === 'guest-not-x86' && f.workload === 'erp-aix' && f.platform === 'proxmox-ve')!;
  expect(aix.severity).toBe('critical');
  expect(aix.message).toBe(
    'erp-aix runs AIX 7.2 (IBM AIX, built for IBM Power hardware): it cannot run on Proxmox VE (KVM), an x86 hypervisor; the application must be re-platformed.',
  );
  // The old gap: AIX counted as "unix" and passed every platform's guest-family check.
  expect(byRule(sc, 'os-unsupported-by-platform').filter((f) => f.startsWith('erp-aix'))).toEqual(
    // AHV and OpenShift Virtualization do not run the unix family at all, so they say so too.
    ['erp-aix@nutanix-ahv', 'erp-aix@openshift-virtualization'],
  );
});

test('OS/2 gets its own legacy finding; the 92 % physical server is flagged; the one without CPU data is listed as not judged', () => {
  const sc = scoreReadiness({ rules, inventory, asOf: '2026-12-02' });
  expect(byRule(sc, 'guest-legacy-unsupported')).toEqual(['lan-os2']);
  expect(sc.findings.find((f) => f.rule === 'guest-legacy-unsupported')!.message).toBe(
    'lan-os2 runs IBM OS/2 Warp Server for e-business 4.5 (IBM OS/2), which no current virtualization platform supports as a guest.',
  );
  expect(byRule(sc, 'physical-too-busy')).toEqual(['db-busy']);
  expect(sc.findings.find((f) => f.rule === 'physical-too-busy')!.message).toBe('db-busy is a physical server at CPU avg 92 % > 70 %.');
  expect(sc.checksNotRun).toContainEqual({
    rule: 'physical-too-busy',
    reason: '1 workload(s) with no CPU p95 / peak / avg in percent, not judged: file-nodata',
  });
});

test('dcplan score on the estate, as a user would: the re-platform blockers are printed', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-legacy-'));
  try {
    const file = path.join(dir, 'inventory.json');
    fs.writeFileSync(file, JSON.stringify(inventory));
    const r = runCli(['score', '-i', file, '--as-of', '2026-12-02']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/CRITICAL guest-not-x86 on vSphere 8: 3 workloads, e\.g\. billing-hpux runs HP-UX 11i v3 \(Itanium\)/);
    expect(r.stdout).toContain('CRITICAL guest-legacy-unsupported: lan-os2 runs IBM OS/2');
    expect(r.stdout).toContain('WARNING  physical-too-busy: db-busy is a physical server at CPU avg 92 % > 70 %.');
    expect(r.stdout).toContain('physical-too-busy: 1 workload(s) with no CPU p95 / peak / avg in percent, not judged: file-nodata');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
