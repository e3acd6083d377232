import { Problem, info, warning } from '../diagnostics';
import { MetricUtil, Workload } from '../inventory/schema';
import { UtilizationUpdate } from './types';

/**
 * perfmon `\Memory\Available MBytes` becomes memory used = installed memory − available (UtilizationUpdate.
 * memoryBelowTotal holds −available). The installed memory is the workload's own (`memoryMib` of the inventory
 * record the series joined): no counter in a perfmon log states it, and it is never guessed. Percentiles and shapes
 * shift with the constant, so each statistic of used memory is the installed memory plus that of −available.
 */
export class MemoryFromAvailable {
  private readonly converted: string[] = [];
  private readonly unknown: string[] = [];
  private readonly tooSmall: string[] = [];
  private file?: string;

  /** The used-memory metric for `w`, or undefined (the reason is noted for `problems`). */
  convert(u: UtilizationUpdate, w: Workload | undefined): MetricUtil | undefined {
    const below = u.memoryBelowTotal;
    if (!below) return undefined;
    this.file ??= u.provenance.file;
    const total = w?.memoryMib;
    if (total === undefined || !(total > 0)) {
      this.unknown.push(u.serverName);
      return undefined;
    }
    const add = (v: number | undefined) => (v === undefined ? undefined : Math.round((total + v) * 1e4) / 1e4);
    const lowest = Math.min(...[below.avg, below.p50, below.peak].filter((v): v is number => v !== undefined), ...(below.shape?.values ?? []));
    // less installed than available at some point: the inventory's memory is not this server's RAM
    if (total + lowest < 0) {
      this.tooSmall.push(`${u.serverName} (${total} MiB installed, up to ${-lowest} MiB available)`);
      return undefined;
    }
    const out: MetricUtil = { ...below };
    for (const k of ['avg', 'peak', 'p50', 'p90', 'p95', 'p99'] as const) if (below[k] !== undefined) out[k] = add(below[k]);
    if (below.shape) out.shape = { ...below.shape, values: below.shape.values.map((v) => add(v)!) };
    out.source = `${below.source ?? u.provenance.file}: ${total} MiB installed (inventory) − Available MBytes`;
    this.converted.push(`${u.serverName} (${total} MiB)`);
    return out;
  }

  /** A server whose update matched no workload: its installed memory is unknown too. */
  unmatched(u: UtilizationUpdate): void {
    if (!u.memoryBelowTotal) return;
    this.file ??= u.provenance.file;
    this.unknown.push(u.serverName);
  }

  problems(): Problem[] {
    const out: Problem[] = [];
    const list = (names: string[]) => `${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`;
    const at = { file: this.file, column: 'Available MBytes' };
    if (this.converted.length > 0)
      out.push(info('memory-from-available', `Memory used of ${this.converted.length} server(s) = installed memory from the inventory − Available MBytes: ${list(this.converted)}.`, at));
    if (this.unknown.length > 0)
      out.push(
        warning(
          'memory-capacity-unknown',
          `${this.unknown.length} server(s) log only \\Memory\\Available MBytes and the inventory gives no installed memory for them, so their memory utilisation is left out (not guessed): ${list(this.unknown)}.`,
          at,
          'Collect the inventory (RVTools, a CSV with memory) together with the perfmon logs, or add \\Memory\\% Committed Bytes In Use to the data collector set.',
        ),
      );
    if (this.tooSmall.length > 0)
      out.push(
        warning(
          'memory-total-too-small',
          `${this.tooSmall.length} server(s) had more memory available than the inventory says is installed, so the inventory's memory is not their RAM and memory used is left out: ${list(this.tooSmall)}.`,
          at,
          'Check that the perfmon host name matches the right inventory record.',
        ),
      );
    return out;
  }
}
