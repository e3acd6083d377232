import * as path from 'path';
import { collectFiles } from '../../src/collect/pipeline';
import { renderSummary, summarizeInventory } from '../../src/collect/summary';
import { systemVm } from '../../src/inventory/system-vms';

describe('system VMs (vCLS and other agent VMs vCenter manages) are excluded with their own code', () => {
  it('matches names as vCenter spells them, confirmed by folder or annotation, and nothing that merely looks alike', () => {
    expect(systemVm({ name: 'vCLS-2d0e6f9a-4c1b-4f7e-9d55-0c8f3b2a1e77' })?.kind).toBe('vCLS');
    expect(systemVm({ name: 'vCLS (12)' })?.kind).toBe('vCLS');
    expect(systemVm({ name: 'SupervisorControlPlaneVM (3)' })?.kind).toBe('Supervisor control plane');
    expect(systemVm({ name: 'vSAN File Service Node (2)' })?.kind).toBe('vSAN File Service');
    expect(systemVm({ name: 'Guest Introspection (4)' })?.kind).toBe('NSX service VM');
    expect(systemVm({ name: 'x', folder: '/DC/vm/ESX Agents' })).toEqual({ kind: 'ESX agent', by: 'folder "/DC/vm/ESX Agents"' });
    expect(systemVm({ name: 'x', annotation: 'vSphere Cluster Service VM is deployed from an OVA' })).toEqual({ kind: 'vCLS', by: 'vCenter annotation' });
    for (const name of ['vclsweb01', 'Service VM billing', 'supervisor01', 'guest-portal', 'vsan-report'])
      expect(systemVm({ name, folder: 'Apps' })).toBeUndefined();
  });

  it('collect leaves them out, lists each with its kind, and counts them in the summary', async () => {
    const inv = (await collectFiles([path.join('test', 'fixtures', 'rvtools', 'system-vms')], { includePoweredOff: false })).inventory;
    expect(inv.workloads.map((w) => w.name)).toEqual(['vclsweb01', 'Service VM billing', 'web01']);
    const sys = inv.excluded.filter((e) => e.code === 'system-vm');
    expect(sys.map((e) => [e.name, e.provenance.row])).toEqual([
      ['vCLS-2d0e6f9a-4c1b-4f7e-9d55-0c8f3b2a1e77', 2],
      ['vCLS (1)', 3],
      ['SupervisorControlPlaneVM (1)', 4],
      ['vSAN File Service Node (1)', 5],
      ['Guest Introspection (2)', 6],
      ['trend-dsva-esx01', 7],
      ['renamed-agent', 8],
    ]);
    expect(sys[5].reason).toBe(
      'System VM (ESX agent): agent VM in the "ESX Agents" folder, deployed per host by a VMware solution (ESX Agent Manager); not a workload to migrate (identified by folder "/DC1/vm/ESX Agents").',
    );
    const s = summarizeInventory(inv);
    expect(s.excluded).toEqual({ 'system-vm': 7 });
    expect(renderSummary(s, 'inventory.json')).toContain(
      'System VMs excluded: 7 (vCLS 3, ESX agent 1, NSX service VM 1, Supervisor control plane 1, vSAN File Service 1): vCLS-2d0e6f9a-4c1b-4f7e-9d55-0c8f3b2a1e77, vCLS (1), SupervisorControlPlaneVM (1), vSAN File Service Node (1), Guest Introspection (2), …',
    );
    expect(inv.workloads[2].location).toMatchObject({ folder: 'Web', vmUuid: '4201cccc-0000-0000-0000-000000001010', vmId: 'vm-1010' });
  });
});
