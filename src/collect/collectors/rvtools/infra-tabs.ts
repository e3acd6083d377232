import { Problem, warning } from '../../../diagnostics';
import { resolveColumns } from '../../read/headers';
import { RowCtx, bool, num, str } from './cells';
import { TabName, VCLUSTER, VHOST } from './columns';
import { TabData, Where } from './records';

/** Row parsers for the infrastructure tabs (vHost, vCluster); the per-VM tabs are in tabs.ts. */
export type RowParser = (ctx: RowCtx) => void;
export type SkipRow = (ctx: RowCtx, tab: TabName, reason: string) => void;

export function vHostParser(headers: string[], where: Where, data: TabData, problems: Problem[], skip: SkipRow): RowParser | undefined {
  const r = resolveColumns(headers, VHOST, { ...where, sheet: where.sheet ?? 'vHost' });
  problems.push(...r.problems);
  const c = r.columns;
  const n = r.names;
  if (c.host === undefined) {
    problems.push(
      warning('rvtools-tab-ignored', 'Tab vHost has no "Host" column; no hosts are read.', { ...where, sheet: where.sheet ?? 'vHost', row: 1 }),
    );
    return undefined;
  }
  return (ctx) => {
    const host = str(ctx, c, 'host');
    if (host === undefined) {
      skip(ctx, 'vHost', 'no host name');
      return;
    }
    data.vHost.push({
      row: ctx.row,
      host,
      datacenter: str(ctx, c, 'datacenter'),
      cluster: str(ctx, c, 'cluster'),
      cpuModel: str(ctx, c, 'cpuModel'),
      speedMhz: num(ctx, c, n, 'speed', 'a CPU clock in MHz'),
      htActive: bool(ctx, c, 'htActive'),
      sockets: num(ctx, c, n, 'sockets', 'a number of CPU sockets'),
      coresPerCpu: num(ctx, c, n, 'coresPerCpu', 'a number of cores per CPU'),
      cores: num(ctx, c, n, 'cores', 'a number of cores'),
      cpuUsagePct: num(ctx, c, n, 'cpuUsagePct', 'a percentage'),
      memoryMib: num(ctx, c, n, 'memory', 'memory in MiB'),
      memUsagePct: num(ctx, c, n, 'memUsagePct', 'a percentage'),
      vms: num(ctx, c, n, 'vms', 'a number of VMs'),
      vcpus: num(ctx, c, n, 'vcpus', 'a number of vCPUs'),
      maxEvc: str(ctx, c, 'maxEvc'),
      esxVersion: str(ctx, c, 'esxVersion'),
      vendor: str(ctx, c, 'vendor'),
      model: str(ctx, c, 'model'),
      vcUuid: str(ctx, c, 'vcUuid')?.toLowerCase(),
      vcServer: str(ctx, c, 'vcServer'),
    });
  };
}

export function vClusterParser(headers: string[], where: Where, data: TabData, problems: Problem[], skip: SkipRow): RowParser | undefined {
  const r = resolveColumns(headers, VCLUSTER, { ...where, sheet: where.sheet ?? 'vCluster' });
  problems.push(...r.problems);
  const c = r.columns;
  const n = r.names;
  if (c.name === undefined) {
    problems.push(
      warning('rvtools-tab-ignored', 'Tab vCluster has neither a "Name" nor a "Cluster" column; clusters are derived from vHost instead.', {
        ...where,
        sheet: where.sheet ?? 'vCluster',
        row: 1,
      }),
    );
    return undefined;
  }
  return (ctx) => {
    const name = str(ctx, c, 'name');
    if (name === undefined) {
      skip(ctx, 'vCluster', 'no cluster name');
      return;
    }
    data.vCluster.push({
      row: ctx.row,
      name,
      datacenter: str(ctx, c, 'datacenter'),
      numHosts: num(ctx, c, n, 'numHosts', 'a number of hosts'),
      totalCpuMhz: num(ctx, c, n, 'totalCpu', 'MHz'),
      cores: num(ctx, c, n, 'cores', 'a number of cores'),
      totalMemory: num(ctx, c, n, 'totalMemory', 'memory (bytes or MiB)'),
      haEnabled: bool(ctx, c, 'haEnabled'),
      failoverLevel: num(ctx, c, n, 'failoverLevel', 'a number of host failures'),
      admissionControl: bool(ctx, c, 'admissionControl'),
      drsEnabled: bool(ctx, c, 'drsEnabled'),
      drsAutomation: str(ctx, c, 'drsAutomation'),
      vmotions: num(ctx, c, n, 'vmotions', 'a number of vMotions'),
      vcUuid: str(ctx, c, 'vcUuid')?.toLowerCase(),
      vcServer: str(ctx, c, 'vcServer'),
    });
  };
}
