/**
 * Reference figures of the vector-packing benchmark folder (`results/*_summary_known.csv`, tab-separated):
 * per instance the published lower bound, the proven optimum (-1 = not proven) and the best of ~700 heuristics.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface InstanceRef {
  lb: number;
  opt: number | null;
  bestOverall: number | null;
}

export function readRefs(resultsDir: string): Map<string, InstanceRef> {
  const refs = new Map<string, InstanceRef>();
  if (!fs.existsSync(resultsDir)) return refs;
  for (const f of fs.readdirSync(resultsDir).filter((x) => x.endsWith('_summary_known.csv')).sort()) {
    const lines = fs.readFileSync(path.join(resultsDir, f), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    const header = lines[0].split('\t');
    const col = (name: string) => header.indexOf(name);
    const [ci, cl, co, cb] = [col('instance_name'), col('LB'), col('OPT'), col('best_overall')];
    for (const line of lines.slice(1)) {
      const c = line.split('\t');
      const opt = Number(c[co]);
      const best = Number(c[cb]);
      refs.set(c[ci], {
        lb: Number(c[cl]),
        opt: Number.isFinite(opt) && opt > 0 ? opt : null,
        bestOverall: Number.isFinite(best) && best > 0 ? best : null,
      });
    }
  }
  return refs;
}
