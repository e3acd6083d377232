import { Random } from '../../../src/util/random';
import { DemoDisk, DemoOs } from './model';

/** What kinds of VM the fictional customer runs, and the named VMs the demo's constraints refer to. */

const os = (config: string, tools = config): DemoOs => ({ config, tools });

export const WIN2012 = os('Microsoft Windows Server 2012 (64-bit)', 'Microsoft Windows Server 2012 R2 Standard');
export const WIN2016 = os('Microsoft Windows Server 2016 or later (64-bit)', 'Microsoft Windows Server 2016 Standard');
export const WIN2019 = os('Microsoft Windows Server 2019 (64-bit)', 'Microsoft Windows Server 2019 Standard');
export const WIN2022 = os('Microsoft Windows Server 2022 (64-bit)', 'Microsoft Windows Server 2022 Datacenter');
export const WIN2008 = os('Microsoft Windows Server 2008 R2 (64-bit)', 'Microsoft Windows Server 2008 R2 Enterprise');
export const WIN10 = os('Microsoft Windows 10 (64-bit)', 'Microsoft Windows 10 Enterprise');
export const RHEL7 = os('Red Hat Enterprise Linux 7 (64-bit)', 'Red Hat Enterprise Linux Server 7.9 (Maipo)');
export const RHEL8 = os('Red Hat Enterprise Linux 8 (64-bit)', 'Red Hat Enterprise Linux 8.8 (Ootpa)');
export const RHEL9 = os('Red Hat Enterprise Linux 9 (64-bit)', 'Red Hat Enterprise Linux 9.2 (Plow)');
export const UBUNTU = os('Ubuntu Linux (64-bit)', 'Ubuntu 22.04.3 LTS');
export const CENTOS7 = os('CentOS 7 (64-bit)', 'CentOS Linux 7 (Core)');
export const SLES15 = os('SUSE Linux Enterprise 15 (64-bit)', 'SUSE Linux Enterprise Server 15 SP4');
export const FREEBSD = os('FreeBSD 12 or later versions (64-bit)', '');
export const SOLARIS = os('Oracle Solaris 11 (64-bit)', 'Oracle Solaris 11.4');
export const OTHER_LINUX = os('Other 3.x or later Linux (64-bit)', '');

const WINDOWS = [WIN2016, WIN2019, WIN2019, WIN2019, WIN2022, WIN2022, WIN2012];
const LINUX = [RHEL7, RHEL8, RHEL8, RHEL9, UBUNTU, UBUNTU, CENTOS7, SLES15];

export interface Role {
  prefix: string;
  os: DemoOs[];
  application: string;
  /** Clusters the role lives in, with a relative weight each. */
  where: Partial<Record<string, number>>;
  size?: { vcpus: number[]; memoryGib: number[] };
  cpuMedianPct?: number;
  dataDisks?: number;
  bigData?: boolean;
  environment?: string;
  owner?: string;
  costCentre?: string;
  annotation?: string;
}

export const ROLES: Role[] = [
  { prefix: 'lnx-web', os: LINUX, application: 'Web portal', where: { 'Prod-North': 6, 'Prod-South': 5, 'DMZ-South': 4 },
    size: { vcpus: [1, 2, 2], memoryGib: [2, 4, 4] } },
  { prefix: 'win-app', os: WINDOWS, application: 'Line-of-business apps', where: { 'Prod-North': 8, 'Prod-South': 7, 'Dev-North': 3 } },
  { prefix: 'iis-web', os: WINDOWS, application: 'Intranet', where: { 'Prod-North': 3, 'Prod-South': 2 },
    size: { vcpus: [2, 2, 4], memoryGib: [4, 8] } },
  { prefix: 'k8s-node', os: [RHEL8, RHEL9, UBUNTU], application: 'Container platform', where: { 'Prod-North': 2, 'Prod-South': 3 },
    size: { vcpus: [4, 8, 8], memoryGib: [16, 32, 64] }, cpuMedianPct: 20 },
  { prefix: 'mon', os: LINUX, application: 'Monitoring', where: { 'Prod-North': 1, 'Prod-South': 1 },
    size: { vcpus: [2, 4], memoryGib: [4, 8, 16] } },
  { prefix: 'jump', os: [WIN2019, WIN2022], application: 'Administration', where: { 'Prod-North': 1, 'DMZ-South': 1 },
    size: { vcpus: [2], memoryGib: [4, 8] }, cpuMedianPct: 5 },
  { prefix: 'print', os: [WIN2016, WIN2019, WIN2012], application: 'Print services', where: { 'Prod-North': 1, 'Prod-South': 1 },
    size: { vcpus: [1, 2], memoryGib: [2, 4] }, cpuMedianPct: 4 },
  { prefix: 'xa', os: [WIN2019, WIN2022], application: 'Citrix Virtual Apps', where: { 'Prod-North': 3, 'Prod-South': 2 },
    size: { vcpus: [4, 4, 8], memoryGib: [16, 32] }, cpuMedianPct: 20 },
  { prefix: 'file', os: [WIN2016, WIN2019, WIN2012], application: 'File services', where: { 'Prod-North': 2, 'Prod-South': 2 },
    size: { vcpus: [2, 4], memoryGib: [8, 16] }, dataDisks: 2, bigData: true, cpuMedianPct: 6 },
  { prefix: 'pg', os: [RHEL8, RHEL9, UBUNTU], application: 'PostgreSQL', where: { 'Prod-North': 2, 'Prod-South': 2, 'Dev-North': 1 },
    size: { vcpus: [2, 4, 4, 8], memoryGib: [8, 16, 32, 64] }, dataDisks: 2, bigData: true, cpuMedianPct: 14 },
  { prefix: 'mq', os: [RHEL8, UBUNTU], application: 'Messaging', where: { 'Prod-North': 1, 'Prod-South': 1 },
    size: { vcpus: [2, 4], memoryGib: [8, 16] } },
  { prefix: 'ci-agent', os: [UBUNTU, RHEL9, WIN2022], application: 'Build agents', where: { 'Dev-North': 4 },
    size: { vcpus: [2, 4, 4], memoryGib: [8, 16] }, cpuMedianPct: 16, environment: 'dev' },
  { prefix: 'dev', os: [...WINDOWS, ...LINUX, WIN10], application: 'Development', where: { 'Dev-North': 10 } },
  { prefix: 'test', os: [...WINDOWS, ...LINUX], application: 'Testing', where: { 'Dev-North': 8 } },
  { prefix: 'dmz-proxy', os: [RHEL8, UBUNTU], application: 'Reverse proxy', where: { 'DMZ-South': 4 },
    size: { vcpus: [2, 4], memoryGib: [4, 8] } },
  { prefix: 'dmz-ftp', os: [WIN2016, WIN2019], application: 'Partner file exchange', where: { 'DMZ-South': 2 },
    size: { vcpus: [2], memoryGib: [4, 8] } },
  { prefix: 'smtp-relay', os: [RHEL7, CENTOS7], application: 'Mail relay', where: { 'DMZ-South': 1 },
    size: { vcpus: [1, 2], memoryGib: [2, 4] } },
  { prefix: 'bsd-fw', os: [FREEBSD], application: 'Firewall appliance', where: { 'DMZ-South': 1 },
    size: { vcpus: [2], memoryGib: [4] } },
  { prefix: 'sol-legacy', os: [SOLARIS], application: 'Legacy billing', where: { 'Prod-South': 0.3 },
    size: { vcpus: [4], memoryGib: [16] } },
  { prefix: 'vapp', os: [OTHER_LINUX], application: 'Vendor appliance', where: { 'Prod-North': 0.6, 'Prod-South': 0.6 },
    size: { vcpus: [2, 4], memoryGib: [4, 8, 12] } },
  { prefix: 'legacy', os: [WIN2008, CENTOS7], application: 'Legacy apps', where: { 'Prod-North': 0.8, 'Prod-South': 0.8 },
    size: { vcpus: [1, 2], memoryGib: [2, 4] }, cpuMedianPct: 7 },
];

/** Picks a role for a VM in `cluster`, weighted by the role's presence there. */
export function pickRole(rng: Random, cluster: string): Role {
  const here = ROLES.filter((r) => (r.where[cluster] ?? 0) > 0);
  const total = here.reduce((s, r) => s + (r.where[cluster] ?? 0), 0);
  let x = rng.next() * total;
  for (const r of here) {
    x -= r.where[cluster] ?? 0;
    if (x < 0) return r;
  }
  return here[here.length - 1];
}

export interface SpecialVm extends Role {
  name: string;
  cluster: string;
  fixed: { vcpus: number; memoryGib: number };
  disks?: DemoDisk[];
  drsRule?: string;
  template?: boolean;
  ftState?: string;
  usbDevices?: string[];
}

const special = (name: string, cluster: string, vcpus: number, memoryGib: number, o: DemoOs, application: string,
  extra: Partial<SpecialVm> = {}): SpecialVm => ({
  name, cluster, fixed: { vcpus, memoryGib }, os: [o], application, where: {}, prefix: name, environment: 'prod', ...extra,
});

const SQL_DISKS: DemoDisk[] = [{ capacityGib: 100, thin: true }, { capacityGib: 500, thin: false }, { capacityGib: 200, thin: false }];

/** The VMs the assessment config names: domain controllers, the ERP group, the SQL Server licence pool and the giants. */
export const SPECIAL_VMS: SpecialVm[] = [
  special('dc01', 'Prod-North', 4, 8, WIN2019, 'Active Directory', { drsRule: 'separate-domain-controllers', owner: 'team-platform' }),
  special('dc02', 'Prod-North', 4, 8, WIN2019, 'Active Directory', { drsRule: 'separate-domain-controllers', owner: 'team-platform' }),
  special('erp-web-01', 'Prod-South', 2, 8, RHEL8, 'ERP', { owner: 'team-erp', costCentre: 'CC2100' }),
  special('erp-web-02', 'Prod-South', 2, 8, RHEL8, 'ERP', { owner: 'team-erp', costCentre: 'CC2100' }),
  special('erp-app-01', 'Prod-South', 8, 32, WIN2019, 'ERP', { owner: 'team-erp', costCentre: 'CC2100', cpuMedianPct: 25 }),
  special('erp-app-02', 'Prod-South', 8, 32, WIN2019, 'ERP', { owner: 'team-erp', costCentre: 'CC2100', cpuMedianPct: 25 }),
  special('erp-app-03', 'Prod-South', 8, 32, WIN2019, 'ERP', { owner: 'team-erp', costCentre: 'CC2100', cpuMedianPct: 25 }),
  special('erp-db-01', 'Prod-South', 16, 128, RHEL8, 'ERP', { owner: 'team-erp', costCentre: 'CC2100', cpuMedianPct: 30,
    dataDisks: 3, bigData: true }),
  special('sql-prod-01', 'Prod-North', 8, 64, WIN2019, 'SQL Server', { disks: SQL_DISKS, cpuMedianPct: 20 }),
  special('sql-prod-02', 'Prod-North', 8, 64, WIN2019, 'SQL Server', { disks: SQL_DISKS, cpuMedianPct: 20 }),
  special('sql-prod-03', 'Prod-South', 8, 64, WIN2022, 'SQL Server', { disks: SQL_DISKS, cpuMedianPct: 20 }),
  special('sql-prod-04', 'Prod-South', 8, 96, WIN2022, 'SQL Server', { disks: SQL_DISKS, cpuMedianPct: 20 }),
  special('sql-prod-05', 'Prod-North', 16, 128, WIN2019, 'SQL Server', { disks: SQL_DISKS, cpuMedianPct: 28 }),
  special('sql-dev-01', 'Dev-North', 4, 16, WIN2019, 'SQL Server', { environment: 'dev' }),
  special('sql-dev-02', 'Dev-North', 4, 16, WIN2022, 'SQL Server', { environment: 'dev' }),
  special('sql-test-01', 'Dev-North', 4, 32, WIN2016, 'SQL Server', { environment: 'test' }),
  special('sqlbi-01', 'Prod-South', 32, 256, WIN2022, 'SQL Server BI', { disks: SQL_DISKS, cpuMedianPct: 26 }),
  special('sql-dwh-01', 'Prod-South', 48, 512, WIN2022, 'SQL Server data warehouse',
    { disks: [{ capacityGib: 120, thin: false }, { capacityGib: 4000, thin: false }, { capacityGib: 1000, thin: false }],
      cpuMedianPct: 32, annotation: 'Nightly loads 01:00-05:00' }),
  special('splunk-idx-01', 'Prod-North', 32, 256, RHEL8, 'Logging', { dataDisks: 2, bigData: true, cpuMedianPct: 30 }),
  special('elastic-01', 'Prod-South', 16, 64, RHEL9, 'Search', { dataDisks: 1, bigData: true, cpuMedianPct: 18 }),
  special('elastic-02', 'Prod-South', 16, 64, RHEL9, 'Search', { dataDisks: 1, bigData: true, cpuMedianPct: 18 }),
  special('ora-rac-01', 'Prod-North', 16, 128, RHEL7, 'Oracle RAC', {
    disks: [{ capacityGib: 80, thin: true }, { capacityGib: 2000, thin: false, sharing: 'sharingMultiWriter' }], cpuMedianPct: 24 }),
  special('ora-rac-02', 'Prod-North', 16, 128, RHEL7, 'Oracle RAC', {
    disks: [{ capacityGib: 80, thin: true }, { capacityGib: 2000, thin: false, sharing: 'sharingMultiWriter' }], cpuMedianPct: 24 }),
  special('file-cl-01', 'Prod-North', 4, 16, WIN2012, 'File services', {
    disks: [{ capacityGib: 60, thin: true }, { capacityGib: 3000, thin: false, raw: true }], cpuMedianPct: 6 }),
  special('fin-ledger-01', 'Prod-North', 2, 16, WIN2016, 'Finance ledger', { ftState: 'running', owner: 'team-finance',
    annotation: 'Fault tolerance required by audit' }),
  special('lic-server-01', 'Prod-North', 2, 4, WIN2016, 'Licence server', { usbDevices: ['SafeNet Sentinel HASP HL dongle'],
    annotation: 'CAD licence dongle on USB' }),
  special('tpl-win2022-std', 'Dev-North', 2, 4, WIN2022, 'Template', { template: true, environment: 'dev' }),
  special('tpl-rhel9', 'Dev-North', 2, 4, RHEL9, 'Template', { template: true, environment: 'dev' }),
];
