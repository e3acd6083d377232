import { Problem, error, warning } from '../../../diagnostics';
import { Excluded } from '../../../inventory/schema';
import { ColumnSpecs, resolveColumns } from '../../read/headers';
import { RowCtx, bool, day, isEmptyRow, num, str } from './cells';
import {
  TabName,
  VCPU,
  VDISK,
  VINFO,
  VMEMORY,
  VPARTITION,
  VSNAPSHOT,
  VNETWORK,
  VTOOLS,
  VUSB,
  isStandardVInfoColumn,
} from './columns';
import { datastoreOfPath, vDatastoreParser } from './datastores';
import { vHealthParser, vLicenseParser } from './baseline-tabs';
import { RowParser, vClusterParser, vHostParser } from './infra-tabs';
import { Interner } from './interner';
import { TabData, VmKeys, Where, emptyTabData } from './records';
import { NO_ITEMS } from '../../../inventory/workload';

/** Interner slots for the fixed vInfo columns (0-12); label columns get theirs when the tab begins. */
const FIXED_SLOTS = 13;

type VmKeyName = 'vm' | 'vmId' | 'vmUuid' | 'vcUuid' | 'vcServer';

/**
 * Receives the tabs of one RVTools export row by row (from read-xlsx.ts or read-csv.ts, in any order) and keeps a
 * compact record per row. Empty formatted rows are ignored and only counted; a row with data that names no VM is
 * listed in `excluded` with a warning; bad values become warnings with file, sheet, row and column.
 */
export class TabSink {
  readonly data: TabData = emptyTabData();
  readonly problems: Problem[] = [];
  readonly excluded: Excluded[] = [];
  private tab?: TabName;
  private readonly strings = new Interner(FIXED_SLOTS);
  /**
   * Columns of the tab begun last whose values repeat from row to row (vCenter, cluster, host, OS, labels...): a
   * reader can hand such values over as shared strings (see HeaderHints in read/csv.ts).
   */
  repeatingColumns: number[] = [];
  private where?: Where;
  private parse?: RowParser;

  /** Starts a tab; returns false when the tab cannot be used (its problems are recorded). */
  begin(tab: TabName, where: Where, headers: string[]): boolean {
    this.tab = tab;
    this.where = where;
    this.parse = undefined;
    if (this.data.where[tab]) {
      this.problems.push(
        warning('rvtools-duplicate-tab', `Tab ${tab} appears twice; only the first one is read.`, { ...where, row: 1 }),
      );
      return false;
    }
    this.repeatingColumns = [];
    this.data.where[tab] = where;
    this.data.rows[tab] = 0;
    this.data.emptyRows[tab] = 0;
    this.parse = this.parserFor(tab, headers, where);
    return this.parse !== undefined;
  }

  /** `shared`: the repeating columns' values are shared strings already (see RecordHandler in read/csv.ts). */
  row(fields: string[], row: number, shared = false): void {
    const tab = this.tab!;
    if (!this.parse) return;
    if (isEmptyRow(fields)) {
      this.data.emptyRows[tab]!++;
      return;
    }
    this.data.rows[tab]!++;
    this.strings.shared = shared;
    this.parse({ file: this.where!.file, sheet: this.where!.sheet ?? tab, row, fields, problems: this.problems });
  }

  private parserFor(tab: TabName, headers: string[], where: Where): RowParser | undefined {
    const d = this.data;
    switch (tab) {
      case 'vInfo':
        return this.vInfo(headers, where);
      case 'vCPU':
        return this.perVm(tab, VCPU, headers, where, (c, col, n, keys) =>
          d.vCPU.push({
            name: keys.name,
            vmId: keys.vmId,
            vmUuid: keys.vmUuid,
            vcUuid: keys.vcUuid,
            vcServer: keys.vcServer,
            row: c.row,
            cpus: num(c, col, n, 'cpus', 'a number of vCPUs'),
            sockets: num(c, col, n, 'sockets', 'a number of sockets'),
            coresPerSocket: num(c, col, n, 'coresPerSocket', 'a number of cores per socket'),
            maxMhz: num(c, col, n, 'max', 'MHz'),
            overallMhz: num(c, col, n, 'overall', 'MHz'),
            reservationMhz: num(c, col, n, 'reservation', 'MHz'),
            hotAdd: bool(c, col, 'hotAdd'),
            datacenter: str(c, col, 'datacenter'),
            cluster: str(c, col, 'cluster'),
            osConfig: str(c, col, 'osConfig'),
            osTools: str(c, col, 'osTools'),
          }),
        );
      case 'vMemory':
        return this.perVm(tab, VMEMORY, headers, where, (c, col, n, keys) =>
          d.vMemory.push({
            name: keys.name,
            vmId: keys.vmId,
            vmUuid: keys.vmUuid,
            vcUuid: keys.vcUuid,
            vcServer: keys.vcServer,
            row: c.row,
            sizeMib: num(c, col, n, 'size', 'MiB'),
            consumedMib: num(c, col, n, 'consumed', 'MiB'),
            activeMib: num(c, col, n, 'active', 'MiB'),
            reservationMib: num(c, col, n, 'reservation', 'MiB'),
            hotAdd: bool(c, col, 'hotAdd'),
            datacenter: str(c, col, 'datacenter'),
            cluster: str(c, col, 'cluster'),
            osConfig: str(c, col, 'osConfig'),
            osTools: str(c, col, 'osTools'),
          }),
        );
      case 'vDisk':
        return this.perVm(tab, VDISK, headers, where, (c, col, n, keys) =>
          d.vDisk.push({
            name: keys.name,
            vmId: keys.vmId,
            vmUuid: keys.vmUuid,
            vcUuid: keys.vcUuid,
            vcServer: keys.vcServer,
            row: c.row,
            disk: str(c, col, 'disk'),
            diskKey: str(c, col, 'diskKey'),
            capacityMib: num(c, col, n, 'capacity', 'MiB'),
            raw: bool(c, col, 'raw'),
            rawMode: str(c, col, 'rawMode'),
            mode: str(c, col, 'mode'),
            sharing: str(c, col, 'sharing'),
            thin: bool(c, col, 'thin'),
            datastore: datastoreOfPath(str(c, col, 'diskPath')) ?? datastoreOfPath(str(c, col, 'path')),
          }),
        );
      case 'vPartition':
        return this.perVm(tab, VPARTITION, headers, where, (c, col, n, keys) =>
          d.vPartition.push({
            name: keys.name,
            vmId: keys.vmId,
            vmUuid: keys.vmUuid,
            vcUuid: keys.vcUuid,
            vcServer: keys.vcServer,
            row: c.row,
            disk: str(c, col, 'disk'),
            diskKey: str(c, col, 'diskKey'),
            capacityMib: num(c, col, n, 'capacity', 'MiB'),
            consumedMib: num(c, col, n, 'consumed', 'MiB'),
          }),
        );
      case 'vSnapshot':
        return this.perVm(tab, VSNAPSHOT, headers, where, (c, col, n, keys) =>
          d.vSnapshot.push({ ...keys, row: c.row, snapshot: str(c, col, 'name'), takenOn: day(c, col, n, 'takenOn'), sizeMib: num(c, col, n, 'sizeMib', 'MiB') }),
        );
      case 'vUSB':
        return this.perVm(tab, VUSB, headers, where, (c, col, _n, keys) =>
          d.vUSB.push({ ...keys, row: c.row, node: str(c, col, 'node'), type: str(c, col, 'type') }),
        );
      case 'vTools':
        return this.perVm(tab, VTOOLS, headers, where, (c, col, _n, keys) =>
          d.vTools.push({ ...keys, row: c.row, tools: str(c, col, 'tools') }),
        );
      case 'vNetwork':
        return this.perVm(tab, VNETWORK, headers, where, (c, col, _n, keys) =>
          d.vNetwork.push({
            ...keys,
            row: c.row,
            network: str(c, col, 'network'),
            switch: str(c, col, 'switch'),
            vlan: str(c, col, 'vlan'),
            adapter: str(c, col, 'adapter'),
            connected: bool(c, col, 'connected'),
          }),
        );
      case 'vHost':
        return vHostParser(headers, where, d, this.problems, (c, t, r) => this.skipRow(c, t, r));
      case 'vCluster':
        return vClusterParser(headers, where, d, this.problems, (c, t, r) => this.skipRow(c, t, r));
      case 'vDatastore':
        return vDatastoreParser(headers, where, d, this.problems, (c, t, r) => this.skipRow(c, t, r));
      case 'vLicense':
        return vLicenseParser(headers, where, d, this.problems, (c, t, r) => this.skipRow(c, t, r));
      case 'vHealth':
        return vHealthParser(headers, where, d, this.problems, (c, t, r) => this.skipRow(c, t, r));
    }
  }


  private skipRow(ctx: RowCtx, tab: TabName, reason: string): void {
    const where = { file: ctx.file, sheet: ctx.sheet, row: ctx.row };
    this.excluded.push({ kind: 'row', code: 'rvtools-row-without-name', reason, provenance: where });
    this.problems.push(warning('rvtools-row-without-name', `${tab} row ${ctx.row} has data but ${reason}; it is skipped.`, where));
  }

  private keys(ctx: RowCtx, col: Record<VmKeyName, number | undefined>): VmKeys {
    const vmUuid = str(ctx, col, 'vmUuid');
    const vcUuid = str(ctx, col, 'vcUuid');
    // One object shape for every row (absent keys hold undefined): the readers of these keys stay monomorphic.
    return {
      name: str(ctx, col, 'vm'),
      vmId: str(ctx, col, 'vmId'),
      vmUuid: vmUuid?.toLowerCase(),
      vcUuid: vcUuid === undefined ? undefined : this.strings.intern(vcUuid.toLowerCase(), 0, true), // lower-casing may make a new string
      vcServer: this.strings.intern(str(ctx, col, 'vcServer'), 1),
    };
  }


  /** A tab with one row per VM (or per disk, partition, snapshot... of a VM). */
  private perVm<K extends string>(
    tab: TabName,
    specs: ColumnSpecs<K>,
    headers: string[],
    where: Where,
    push: (c: RowCtx, col: Record<K, number | undefined>, names: Partial<Record<K, string>>, keys: VmKeys) => void,
  ): RowParser | undefined {
    const r = resolveColumns(headers, specs, { ...where, sheet: where.sheet ?? tab });
    this.problems.push(...r.problems);
    const c = r.columns;
    const kc = c as unknown as Record<VmKeyName, number | undefined>;
    if (kc.vm === undefined && kc.vmId === undefined && kc.vmUuid === undefined) {
      this.problems.push(
        warning('rvtools-tab-ignored', `Tab ${tab} has no "VM", "VM ID" or "VM UUID" column, so its rows cannot be joined to VMs; the tab is ignored.`, {
          ...where,
          sheet: where.sheet ?? tab,
          row: 1,
        }),
      );
      return undefined;
    }
    return (ctx) => {
      const keys = this.keys(ctx, kc);
      if (keys.name === undefined && keys.vmId === undefined && keys.vmUuid === undefined) {
        this.skipRow(ctx, tab, 'no VM name, VM ID or VM UUID');
        return;
      }
      push(ctx, c, r.names, keys);
    };
  }

  private vInfo(headers: string[], where: Where): RowParser | undefined {
    const r = resolveColumns(headers, VINFO, { ...where, sheet: where.sheet ?? 'vInfo' });
    this.problems.push(...r.problems);
    const c = r.columns;
    const n = r.names;
    if (c.vm === undefined) {
      this.problems.push(
        error('missing-column', `The vInfo tab has no "VM" column (the VM name). Headers seen: ${headers.map((h) => `"${h}"`).join(', ')}.`, {
          ...where,
          sheet: where.sheet ?? 'vInfo',
          row: 1,
          column: 'VM',
        }),
      );
      return undefined;
    }
    // Custom attributes: columns that are neither used nor standard RVTools columns; an empty header is ignored.
    const labelCols = r.unmatched.filter((u) => u.header.trim() !== '' && !isStandardVInfoColumn(u.header));
    // The annotation (vCenter notes) is kept as the label "Annotation", whatever the export calls the column.
    if (c.annotation !== undefined) labelCols.unshift({ header: 'Annotation', index: c.annotation });
    const labelKeys = labelCols.map((l) => l.header.trim());
    // The text columns kept in the records (interned below); flags like Template are read, not kept, and the
    // vCenter UUID is lower-cased (a new string) whatever the reader gives.
    const repeating = ['vcServer', 'power', 'ftState', 'firmware', 'hwVersion', 'datacenter', 'cluster', 'host', 'osConfig', 'osTools', 'folder', 'resourcePool'] as const;
    this.repeatingColumns = [...repeating.map((k) => c[k]), ...labelCols.map((l) => l.index)].filter((i): i is number => i !== undefined);
    // Each label column remembers its own recent values (a shared slot would miss whenever two columns alternate).
    const labelSlot = this.strings.addSlots(labelCols.length);
    const d = this.data;
    return (ctx) => {
      const keys = this.keys(ctx, c);
      if (keys.name === undefined) {
        this.skipRow(ctx, 'vInfo', 'no VM name');
        return;
      }
      const labels: Record<string, string> = {};
      for (let i = 0; i < labelCols.length; i++) {
        const v = (ctx.fields[labelCols[i].index] ?? '').trim();
        if (v !== '') labels[labelKeys[i]] = this.strings.intern(v, labelSlot + i);
      }
      const rules = str(ctx, c, 'drsRules');
      const osConfig = str(ctx, c, 'osConfig');
      const osTools = str(ctx, c, 'osTools');
      const osConfigKept = this.strings.intern(osConfig, 9);
      // Both OS columns usually say the same: reuse the kept string rather than look the second one up.
      const osToolsKept = osTools !== undefined && osTools === osConfig ? osConfigKept : this.strings.intern(osTools, 10);
      // One literal with every field (no spread): V8 keeps such objects in fast mode; a spread followed by
      // 30 more properties turns each of 200,000 records into a slow dictionary object.
      d.vInfo.push({
        name: keys.name,
        vmId: keys.vmId,
        vmUuid: keys.vmUuid,
        vcUuid: keys.vcUuid,
        vcServer: keys.vcServer,
        row: ctx.row,
        power: this.strings.intern(str(ctx, c, 'power'), 2),
        template: bool(ctx, c, 'template'),
        srm: bool(ctx, c, 'srm'),
        cpus: num(ctx, c, n, 'cpus', 'a number of vCPUs'),
        memoryMib: num(ctx, c, n, 'memory', 'memory in MiB'),
        nics: num(ctx, c, n, 'nics', 'a number of NICs'),
        disks: num(ctx, c, n, 'disks', 'a number of disks'),
        provisionedMib: num(ctx, c, n, 'provisioned', 'MiB'),
        inUseMib: num(ctx, c, n, 'inUse', 'MiB'),
        totalDiskMib: num(ctx, c, n, 'totalDisk', 'MiB'),
        activeMemoryMib: num(ctx, c, n, 'activeMemory', 'MiB'),
        cpuUsagePct: num(ctx, c, n, 'cpuUsagePct', 'a percentage'),
        memUsagePct: num(ctx, c, n, 'memUsagePct', 'a percentage'),
        drsRules: rules ? splitList(rules) : NO_ITEMS,
        drsRuleTypes: str(ctx, c, 'drsRuleTypes'),
        drsRuleNames: rules,
        folder: this.strings.intern(str(ctx, c, 'folder'), 11),
        resourcePool: this.strings.intern(str(ctx, c, 'resourcePool'), 12),
        vApp: str(ctx, c, 'vApp'),
        ftState: this.strings.intern(str(ctx, c, 'ftState'), 3),
        firmware: this.strings.intern(str(ctx, c, 'firmware'), 4),
        secureBoot: bool(ctx, c, 'secureBoot'),
        vtpm: bool(ctx, c, 'vtpm'),
        hwVersion: this.strings.intern(str(ctx, c, 'hwVersion'), 5),
        createdOn: day(ctx, c, n, 'createdOn'),
        poweredOnOn: day(ctx, c, n, 'poweredOnOn'),
        datacenter: this.strings.intern(str(ctx, c, 'datacenter'), 6),
        cluster: this.strings.intern(str(ctx, c, 'cluster'), 7),
        host: this.strings.intern(str(ctx, c, 'host'), 8),
        osConfig: osConfigKept,
        osTools: osToolsKept,
        labels,
      });
    };
  }
}

/** `Cluster rule name(s)` lists several rules separated by commas or semicolons. */
function splitList(s: string): string[] {
  return s
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
}
