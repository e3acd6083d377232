import { Problem, error, warning } from '../diagnostics';
import { Excluded, Host, Workload } from '../inventory/schema';
import { Implausible, describeImplausible, implausibleHost, implausibleWorkload, NAME_MAX_CHARS, quote } from '../inventory/plausible';
import { CollectorOutput, FormatId } from './types';

/**
 * The plausibility gate every collector's output passes before it is merged: a workload with an impossible size
 * (0 or -4 vCPUs, -1 MiB, a date cell read as 43,862 vCPUs, a 1e15 GiB disk) is left out of the estate and listed in
 * `excluded` with code `implausible-value`, plus a warning naming file, sheet, row and the column as the format
 * writes it. Nothing implausible reaches the planner; nothing is dropped unlisted.
 */

/** The column each inventory field is read from, as the format names it (for the message's pointer). */
const COLUMNS: Partial<Record<FormatId, Record<string, string>>> = {
  'rvtools-xlsx': {
    vcpus: 'CPUs',
    memoryMib: 'Memory',
    provisionedGib: 'Provisioned MiB',
    usedGib: 'In Use MiB',
    cpuMhz: 'Speed',
    disk: 'Capacity MiB',
  },
  'rvtools-csv': {
    vcpus: 'CPUs',
    memoryMib: 'Memory',
    provisionedGib: 'Provisioned MiB',
    usedGib: 'In Use MiB',
    cpuMhz: 'Speed',
    disk: 'Capacity MiB',
  },
  'azure-migrate-csv': {
    vcpus: '*Cores',
    memoryMib: '*Memory (In MB)',
    usedGib: 'Storage in use (In GB)',
    disk: 'Disk N size (In GB)',
  },
  'generic-csv': {
    vcpus: 'vcpus',
    memoryMib: 'memory_gib',
    provisionedGib: 'storage_gib',
    usedGib: 'storage_used_gib',
    cpuMhz: 'cpu_ghz',
  },
};

function columnOf(format: FormatId, field: string): string {
  const map = COLUMNS[format] ?? {};
  if (field.startsWith('disks.')) return map.disk ? `${map.disk} (${field})` : field;
  return map[field] ?? field;
}

export interface PlausibilityResult {
  problems: Problem[];
  /** Workloads and hosts left out here (already appended to the output's `excluded`). */
  excluded: number;
}

/** Removes implausible workloads and hosts from one collector's output, in place, listing each one. */
export function gatePlausible(out: CollectorOutput): PlausibilityResult {
  const problems: Problem[] = [];
  let excluded = 0;
  const keepW: Workload[] = [];
  for (const w of out.workloads) {
    if (w.name.length > NAME_MAX_CHARS) problems.push(cutName(w));
    const bad = implausibleWorkload(w);
    if (bad.length === 0) keepW.push(w);
    else {
      out.excluded.push(exclusion(w.name, 'workload', bad, out.format, w.provenance[0]));
      problems.push(implausibleProblem(w.name, 'Workload', bad, out.format, w.provenance[0]));
      excluded++;
    }
  }
  if (excluded > 0) out.workloads = keepW;
  const keepH: Host[] = [];
  let hostsOut = 0;
  for (const h of out.hosts) {
    if (h.name.length > NAME_MAX_CHARS) problems.push(cutName(h));
    const bad = implausibleHost(h);
    if (bad.length === 0) keepH.push(h);
    else {
      out.excluded.push(exclusion(h.name, 'host', bad, out.format, h.provenance[0]));
      problems.push(implausibleProblem(h.name, 'Host', bad, out.format, h.provenance[0]));
      hostsOut++;
    }
  }
  if (hostsOut > 0) out.hosts = keepH;
  return { problems, excluded: excluded + hostsOut };
}

/**
 * A name past NAME_MAX_CHARS cut to it, in place, with a warning: kept (the row is real), but a name of megabytes
 * would be printed in every table, report and warning. An id as long is cut too, its uniqueness kept by the length.
 */
function cutName(x: Workload | Host): Problem {
  const at = x.provenance[0];
  const was = x.name.length;
  x.name = x.name.slice(0, NAME_MAX_CHARS);
  if (x.id.length > NAME_MAX_CHARS) x.id = `${x.id.slice(0, NAME_MAX_CHARS)}…${x.id.length}`;
  return warning(
    'name-too-long',
    `A name of ${was.toLocaleString('en-US')} characters is cut to its first ${NAME_MAX_CHARS}: ${quote(x.name)}.`,
    { file: at.file, sheet: at.sheet, row: at.row },
    'Check the name column of that row (a shifted column, or a note pasted into the name?).',
  );
}

function exclusion(
  name: string,
  kind: 'workload' | 'host',
  bad: Implausible[],
  format: FormatId,
  at: Excluded['provenance'],
): Excluded {
  return {
    name,
    kind,
    code: 'implausible-value',
    reason: describeImplausible(bad, (f) => columnOf(format, f)),
    provenance: at,
  };
}

function implausibleProblem(
  name: string,
  noun: string,
  bad: Implausible[],
  format: FormatId,
  at: Excluded['provenance'],
): Problem {
  return warning(
    'implausible-value',
    `${noun} ${quote(name)} left out: ${describeImplausible(bad, (f) => columnOf(format, f))}.`,
    { file: at.file, sheet: at.sheet, row: at.row, column: columnOf(format, bad[0].field) },
    'Fix the value in the export (a shifted column or a date formatted cell?) and run collect again.',
  );
}

export { quote };

/**
 * Workloads bigger than the biggest host the estate has today are possible (a VM can only run where it fits, so
 * this usually means a unit mix-up such as `--map "RAM (MB): memory_gib"`): a warning, the workload stays.
 */
export function biggerThanAnyHost(workloads: readonly Workload[], hosts: readonly Host[]): Problem[] {
  if (hosts.length === 0) return [];
  let maxMem = 0;
  for (const h of hosts) if (h.memoryMib > maxMem) maxMem = h.memoryMib;
  if (maxMem <= 0) return [];
  const out: Problem[] = [];
  for (const w of workloads) {
    if (w.memoryMib <= maxMem) continue;
    const at = w.provenance[0];
    out.push(
      warning(
        'implausible-size',
        `Workload ${quote(w.name)} has ${Math.round(w.memoryMib / 1024)} GiB of memory, more than any host in the estate (largest: ${Math.round(maxMem / 1024)} GiB).`,
        { file: at.file, sheet: at.sheet, row: at.row },
        'Check the memory unit of the source column (MiB vs GiB; --map accepts { column, unit }).',
      ),
    );
  }
  return out;
}

/**
 * A source file from which rows were read but no workload survives (every row skipped or implausible) is an error:
 * an empty estate would otherwise plan to nothing with exit 0. `strict` makes every skipped row an error.
 */
export function survivalErrors(file: string, out: CollectorOutput, strict: boolean): Problem[] {
  const skipped = out.excluded.filter(
    (e) => e.kind === 'row' || e.code === 'implausible-value' || e.code.endsWith('missing-size'),
  );
  const errs: Problem[] = [];
  const producesOther =
    out.hosts.length > 0 || (out.utilizationUpdates?.length ?? 0) > 0 || (out.datastores?.length ?? 0) > 0;
  const none = out.workloads.length === 0 && skipped.length > 0 && !producesOther;
  if (!strict && !none) return errs;
  const code = strict ? 'strict-row-skipped' : 'row-skipped';
  const columnAt = new Map<string, string>();
  for (const p of out.problems)
    if (p.column !== undefined && p.row !== undefined) columnAt.set(`${p.file}|${p.sheet}|${p.row}`, p.column);
  const listed = strict ? 50 : 10;
  for (const e of skipped.slice(0, listed))
    errs.push(
      error(code, `${strict ? '--strict: ' : ''}${e.name !== undefined ? `${quote(e.name)}: ` : ''}${e.reason}`, {
        file: e.provenance.file,
        sheet: e.provenance.sheet,
        row: e.provenance.row,
        column: columnAt.get(`${e.provenance.file}|${e.provenance.sheet}|${e.provenance.row}`),
      }),
    );
  if (skipped.length > listed)
    errs.push(error(code, `${skipped.length - listed} more skipped rows not listed.`, { file }));
  if (none)
    errs.push(
      error(
        'no-workload-left',
        `No workload survives from ${file}: all ${skipped.length} row(s) were skipped or implausible (see the warnings).`,
        { file },
        'Fix the listed rows, or check that the right columns were read (--map).',
      ),
    );
  return errs;
}
