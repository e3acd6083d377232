import { loadRules, scoreReadiness } from '../../src/readiness';
import { appliancesTable, costTable, migrationTable } from '../../src/report/model/readiness-today-tables';
import { buildInventory } from './build';

const rules = loadRules().rules!;

function appliance(name: string, hardwareFamily: string[]) {
  return {
    name,
    kind: 'appliance' as const,
    vcpus: 2,
    memoryMib: 4096,
    disks: [{ label: 'disk1', capacityGib: 20 }],
    appliance: {
      package: `${name}.ova`, packageKind: 'ova' as const, ovfVersion: '1.x' as const, virtualSystem: name, hardwareFamily,
      diskFormats: ['vmdk-streamOptimized'], networks: [], options: [], option: 'medium', optionChosenBy: 'default' as const,
      validation: { status: 'valid' as const, errors: 0, warnings: 0, manifest: 'verified' as const, signature: 'unsigned' as const },
    },
  };
}

test('the Virtual appliances table says, per appliance, its option, size, validation and where it can run', () => {
  const inventory = buildInventory({ workloads: [appliance('lb', ['vmx-13']), appliance('vbox', ['virtualbox-2.2'])] });
  const sc = scoreReadiness({ rules, inventory, platforms: ['vmware-vsphere-8', 'microsoft-hyper-v-2022', 'openshift-virtualization', 'proxmox-ve'], asOf: '2026-12-02' });
  const t = appliancesTable(inventory, sc)!;
  expect(t.rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[7], r[8]])).toEqual([
    ['lb', 'medium (default)', 2, 4, 20, 'valid; manifest verified; unsigned',
      'VMware vSphere 8 (ESXi 8), Proxmox VE (KVM), Red Hat OpenShift Virtualization (KubeVirt)', 'Microsoft Hyper-V (Windows Server 2022 / Azure Local)'],
    ['vbox', 'medium (default)', 2, 4, 20, 'valid; manifest verified; unsigned',
      'VMware vSphere 8 (ESXi 8), Proxmox VE (KVM)', 'Microsoft Hyper-V (Windows Server 2022 / Azure Local), Red Hat OpenShift Virtualization (KubeVirt)'],
  ]);
  // Appliances are deployed, not converted: the migration table counts them apart; no business case, so cost not rated.
  expect(migrationTable(sc)!.rows.every((r) => r[3] === 0 && r[6] === 2)).toBe(true);
  expect(costTable(sc)!.rows[0][4]).toMatch(/^no business case/);
});

test('no appliance in the estate: no appliances table', () => {
  const inventory = buildInventory({ workloads: [{ name: 'vm1' }] });
  expect(appliancesTable(inventory, scoreReadiness({ rules, inventory, asOf: '2026-12-02' }))).toBeUndefined();
});
