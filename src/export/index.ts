import { info, Problem, warning } from '../diagnostics';
import { Inventory } from '../inventory/schema';
import { AWS_IMPORT_COLUMNS } from './aws-import';
import { AZURE_MIGRATE_COLUMNS, MAX_DISKS } from './azure-migrate';
import { toCsv } from './csv';
import { lacksAverage, overHundred } from './figures';
import { GENERIC_EXPORT_COLUMNS } from './generic';
import { ExportColumn, ExportResult, ExportTarget } from './types';

export { EXPORT_TARGETS } from './types';
export type { ExportResult, ExportTarget } from './types';

const COLUMNS: Record<ExportTarget, ExportColumn[]> = {
  'azure-migrate': AZURE_MIGRATE_COLUMNS,
  'aws-import': AWS_IMPORT_COLUMNS,
  generic: GENERIC_EXPORT_COLUMNS,
};

/**
 * An inventory as a vendor's import template: one row per workload (excluded records are not workloads and are not
 * written), in inventory order, the template's own headers and units. Pure: the command writes the text.
 * What the template cannot hold is said, counted, never dropped silently.
 */
export function exportInventory(inventory: Inventory, target: ExportTarget): ExportResult {
  const columns = COLUMNS[target];
  const rows = inventory.workloads.map((w) => columns.map((c) => c.value(w)));
  return {
    target,
    columns: columns.map((c) => c.header),
    rows: rows.length,
    text: toCsv(
      columns.map((c) => c.header),
      rows,
    ),
    problems: exportProblems(inventory, target),
  };
}

function exportProblems(inventory: Inventory, target: ExportTarget): Problem[] {
  const out: Problem[] = [];
  const names = (ws: { name: string }[]) =>
    ws
      .slice(0, 5)
      .map((w) => w.name)
      .join(', ') + (ws.length > 5 ? ` and ${ws.length - 5} more` : '');
  for (const metric of ['cpu', 'memory'] as const) {
    const lacking = inventory.workloads.filter((w) => lacksAverage(w, metric));
    if (lacking.length > 0)
      out.push(
        warning(
          'export-no-average',
          `${lacking.length} workload(s) have ${metric} utilisation but no average (only a percentile or peak): the template's average column is left empty for them (${names(lacking)}).`,
        ),
      );
  }
  for (const metric of ['cpu', 'memory'] as const) {
    const over = inventory.workloads.filter((w) => overHundred(w, metric));
    if (over.length > 0)
      out.push(
        info(
          'export-pct-capped',
          `${over.length} workload(s) read above 100 % ${metric} (e.g. consumed memory with the VM's overhead): the templates take 0-100, so 100 is written (${names(over)}).`,
        ),
      );
  }
  if (target === 'azure-migrate') {
    // RVTools' provisioned figure also holds swap files and snapshots; the template has disk sizes only
    const beyond = inventory.workloads.reduce(
      (s, w) => s + (w.disks.length > 0 && w.provisionedGib !== undefined ? Math.max(0, w.provisionedGib - w.disks.reduce((a, d) => a + d.capacityGib, 0)) : 0),
      0,
    );
    if (beyond > 0.5)
      out.push(
        info(
          'export-provisioned-beyond-disks',
          `${Math.round(beyond).toLocaleString('en-US')} GiB of provisioned storage beyond the VMs' disks (swap files, snapshots) is not written: the template holds disk sizes only.`,
        ),
      );
    const many = inventory.workloads.filter((w) => w.disks.length > MAX_DISKS);
    if (many.length > 0)
      out.push(
        info(
          'export-disks-merged',
          `${many.length} workload(s) have more than ${MAX_DISKS} disks: the template holds ${MAX_DISKS}, so the remaining disks are summed into disk ${MAX_DISKS} (${names(many)}).`,
        ),
      );
  }
  if (inventory.excluded.length > 0)
    out.push(info('export-excluded-not-written', `${inventory.excluded.length} excluded record(s) are not workloads and are not written.`));
  return out;
}
