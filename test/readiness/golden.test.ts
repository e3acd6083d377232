import { loadRules, REQUIRED_CRITERIA, scoreReadiness } from '../../src/readiness';

const { rules, problems } = loadRules();

/** The seed's ten criteria, label for label (the two criteria of today are checked apart). */
function ratings(platform: string): Record<string, string> {
  const sc = scoreReadiness({ rules: rules!, platforms: [platform], asOf: '2026-01-01' });
  const today = sc.platforms[0].ratings.filter((r) => !REQUIRED_CRITERIA.includes(r.criterion));
  expect(today.map((r) => [r.criterion, r.rating, r.inTotal])).toEqual([
    ['migration-effort', 'not rated', false],
    ['cost-for-estate', 'not rated', false],
  ]);
  return Object.fromEntries(sc.platforms[0].ratings.filter((r) => REQUIRED_CRITERIA.includes(r.criterion)).map((r) => [r.title, r.rating]));
}

test('the shipped rules load without problems', () => {
  expect(problems).toEqual([]);
});

// The seed's Figure 3, label for label.
test('Parallels Virtuozzo Containers without an inventory: exactly the seed\'s OS virtualization column', () => {
  expect(ratings('parallels-virtuozzo-containers')).toEqual({
    'Hardware-Level Virtualization': 'No',
    'Hardware Independence': 'Yes',
    'OS Independence': 'No',
    'Security Level': 'Moderate',
    'Distributed Virtualization': 'Yes',
    'Priority-Based Resource Allocation': 'Yes',
    'Scalability/Performance': 'High',
    'On-Demand Capacity': 'Partial Support',
    'Availability Level': 'Moderate',
    'Manageability & Extensibility': 'Strong',
  });
});

test('VMware ESX Server 3i without an inventory: exactly the seed\'s H/W virtualization column', () => {
  expect(ratings('vmware-esx-server-3i')).toEqual({
    'Hardware-Level Virtualization': 'Yes',
    'Hardware Independence': 'Yes',
    'OS Independence': 'Yes',
    'Security Level': 'High',
    'Distributed Virtualization': 'Yes',
    'Priority-Based Resource Allocation': 'Yes',
    'Scalability/Performance': 'Medium to High',
    'On-Demand Capacity': 'Full Support',
    'Availability Level': 'High',
    'Manageability & Extensibility': 'Strong',
  });
});

// The seed's text on Xen and Hyper-V: hardware virtualization that meets most criteria, but needs VT/AMD-V (not hardware
// independent) and depends on a privileged parent OS (lower security and availability); Quick Migration pauses the VM.
test.each([
  ['citrix-xenserver', 'Partial Support'],
  ['microsoft-hyper-v-2008', 'Partial Support'],
])('%s follows the seed\'s text', (id, onDemand) => {
  expect(ratings(id)).toEqual({
    'Hardware-Level Virtualization': 'Yes',
    'Hardware Independence': 'No',
    'OS Independence': 'Yes',
    'Security Level': 'Moderate',
    'Distributed Virtualization': 'Yes',
    'Priority-Based Resource Allocation': 'Yes',
    'Scalability/Performance': 'Medium to High',
    'On-Demand Capacity': onDemand,
    'Availability Level': 'Moderate',
    'Manageability & Extensibility': 'Strong',
  });
});

test('the seed platforms rank as the seed concludes: ESX 3i first, Virtuozzo last', () => {
  const sc = scoreReadiness({ rules: rules!, platforms: ['seed'], asOf: '2026-01-01' });
  expect(sc.platforms.map((p) => [p.platform, p.weightedTotal, p.rank])).toEqual([
    ['vmware-esx-server-3i', 97.5, 1],
    ['citrix-xenserver', 72.5, 2],
    ['microsoft-hyper-v-2008', 72.5, 3],
    ['parallels-virtuozzo-containers', 65, 4],
  ]);
  expect(sc.recommendation.platform).toBe('vmware-esx-server-3i');
  expect(sc.recommendation.reasons[0]).toBe(
    'Highest weighted total under the "Balanced" profile: 97.5 against 72.5 for Citrix XenServer (2008) (runner-up).',
  );
});

test('every rating carries a rationale sentence and its evidence with sources', () => {
  const sc = scoreReadiness({ rules: rules!, platforms: ['all'], asOf: '2026-01-01' });
  for (const p of sc.platforms)
    for (const r of p.ratings) {
      expect(r.rationale).toMatch(/^[A-Z].*\.$/);
      // Only the criteria of today may go unrated (no inventory, no business case): they say why instead.
      if (r.notRated) expect(REQUIRED_CRITERIA).not.toContain(r.criterion);
      else expect(r.evidence.length).toBeGreaterThan(0);
      for (const e of r.evidence.filter((x) => x.kind === 'fact')) expect(e.source).toEqual(expect.any(String));
    }
  const esx = sc.platforms.find((p) => p.platform === 'vmware-esx-server-3i')!;
  const hwIndep = esx.ratings.find((r) => r.criterion === 'hardware-independence')!;
  expect(hwIndep.evidence).toEqual([
    {
      kind: 'fact',
      key: 'requiresHardwareAssist',
      value: false,
      source:
        'Taneja Group, "Architectural Requirements for a Datacenter-Ready Virtualization Platform" (March 2008), § Hardware Virtualization — ESX Server 3i exploits hardware assists but can run without them',
    },
  ]);
});

test('profiles change the weights and the totals, not the ratings', () => {
  const a = scoreReadiness({ rules: rules!, platforms: ['seed'], profile: 'security-first', asOf: '2026-01-01' });
  const b = scoreReadiness({ rules: rules!, platforms: ['seed'], profile: 'default', asOf: '2026-01-01' });
  expect(a.profile.weights.security).toBe(35);
  const byId = (sc: typeof a) => Object.fromEntries(sc.platforms.map((p) => [p.platform, p.ratings.map((r) => r.rating)]));
  expect(byId(a)).toEqual(byId(b));
  // Virtuozzo: 0,100,0,50,100,100,100,50,50,100 under weights 15,5,5,35,5,5,5,5,15,5 → 5250/100
  expect(a.platforms.find((p) => p.platform === 'parallels-virtuozzo-containers')!.weightedTotal).toBe(52.5);
});

describe('lifecycle: today\'s platforms are recommended, historical ones are scored but passed over', () => {
  test('--platforms all without an inventory recommends a current platform and says why ESX 3i is not recommended', () => {
    const sc = scoreReadiness({ rules: rules!, platforms: ['all'], asOf: '2026-12-02' });
    // ESX 3i still ranks first on the ten criteria: the seed's ratings are untouched.
    expect(sc.platforms[0].platform).toBe('vmware-esx-server-3i');
    expect(sc.recommendation.platform).toBe('vmware-vsphere-8');
    const esx = sc.platforms[0];
    expect(esx.lifecycle).toMatchObject({ status: 'historical', endOfSupport: '2010-05-21' });
    expect(esx.lifecycle!.source).toContain('http://www.vmware.com/support/policies/lifecycle/vi/eos.html');
    expect(esx.notRecommended).toMatch(/^historical product .*2010-05-21.*recommended only when named/);
    expect(sc.recommendation.reasons).toContain(
      `Not recommended although ranked 1 (97.5): VMware ESX Server 3i, ${esx.notRecommended}.`,
    );
    const passedOver = sc.platforms.filter((p) => p.notRecommended).map((p) => p.platform).sort();
    expect(passedOver).toEqual(['citrix-xenserver', 'microsoft-hyper-v-2008', 'parallels-virtuozzo-containers', 'vmware-esx-server-3i']);
  });

  test('the two 2008 platforms of Figure 3, named, compete as in the paper', () => {
    const sc = scoreReadiness({ rules: rules!, platforms: ['vmware-esx-server-3i', 'parallels-virtuozzo-containers'], asOf: '2026-12-02' });
    expect(sc.recommendation.platform).toBe('vmware-esx-server-3i');
    expect(sc.platforms.every((p) => p.notRecommended === undefined)).toBe(true);
  });

  test('a current platform past its sourced end of support is passed over unless named', () => {
    const later = scoreReadiness({ rules: rules!, platforms: ['vmware-vsphere-8', 'microsoft-hyper-v-2022'], asOf: '2028-01-01' });
    expect(later.recommendation.platform).toBe('vmware-vsphere-8'); // both named
    const all = scoreReadiness({ rules: rules!, platforms: ['current'], asOf: '2028-01-01' });
    const vs = all.platforms.find((p) => p.platform === 'vmware-vsphere-8')!;
    expect(vs.notRecommended).toBe(
      'past its end of general support on 2027-10-11 (as of 2028-01-01); recommended only when named (--platforms vmware-vsphere-8)',
    );
    expect(all.recommendation.platform).not.toBe('vmware-vsphere-8');
  });

  test('every platform states its lifecycle with a source; a missing date says why', () => {
    for (const p of rules!.platforms) {
      expect(p.lifecycle.source).toMatch(/\S/);
      if (p.lifecycle.endOfSupport === null) expect(p.lifecycle.unsourced).toMatch(/not|no /);
      expect(p.lifecycle.status === 'historical').toBe(p.era === 'seed-2008');
    }
  });
});
