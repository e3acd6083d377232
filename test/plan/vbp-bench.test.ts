import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import { parseVbp } from '../helpers/vbp/format';
import { toolScript } from '../helpers/cli';
import { sharedPath } from '../helpers/shared';

/** Runs the built benchmark (tools/dist/tools/bench/vbp.js) as a human would, on three small instances from the shared archives. */
describe('bench:vbp output', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-vbp-test-'));
  const members = [
    ['Panigrahy_instances.tar.gz', 'Panigrahy_instances_multidim/class2/class2_20_3_0.vbp'],
    ['Panigrahy_instances.tar.gz', 'Panigrahy_instances_multidim/class9/class9_20_5_1.vbp'],
    ['Triplet_instances.tar.gz', 'Triplet_instances_multidim/Falkenauer/classF_60_3_0.vbp'],
  ];
  const files = members.map(([archive, member]) => {
    const text = execFileSync('tar', ['-xzf', sharedPath('bench', 'vectorpack', archive), '-O', member], { encoding: 'utf8' });
    const f = path.join(dir, path.basename(member));
    fs.writeFileSync(f, text);
    return f;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints one JSON line per instance with a feasible assignment using `bins` bins, then the class table', () => {
    const r = spawnSync(process.execPath, [toolScript('bench', 'vbp'), '--time-limit-ms', '1500', ...files], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(json.map((j) => j.instance)).toEqual(['class2_20_3_0', 'class9_20_5_1', 'classF_60_3_0']);
    expect(json.map((j) => j.optimal)).toEqual([
      ...['class2_20_3_0', 'class9_20_5_1'].map((name) => optimumOf('Panigrahy_summary_known.csv', name)),
      20,
    ]);
    json.forEach((j, k) => {
      expect(Object.keys(j)).toEqual(['instance', 'n', 'd', 'bins', 'lowerBound', 'optimal', 'ms', 'assignment']);
      const inst = parseVbp(fs.readFileSync(files[k], 'utf8'), files[k]);
      expect(j.n).toBe(inst.items.length);
      expect(j.d).toBe(inst.dims.length);
      expect(j.assignment).toHaveLength(j.n);
      const loads = new Map<number, number[]>();
      j.assignment.forEach((b: number, i: number) => {
        const l = loads.get(b) ?? new Array(j.d).fill(0);
        inst.items[i].size.forEach((v, dim) => (l[dim] += v));
        loads.set(b, l);
      });
      expect(loads.size).toBe(j.bins);
      for (const l of loads.values()) l.forEach((v, dim) => expect(v).toBeLessThanOrEqual(inst.binTypes[0].capacity[dim]));
      expect(j.lowerBound).toBeLessThanOrEqual(j.optimal);
      expect(j.bins).toBeGreaterThanOrEqual(j.optimal);
    });
    expect(r.stdout).toContain('| class | d | #inst | #OPT | us | FFD | dot-product | best of all (published) | us = best of all |');
    expect(r.stdout).toMatch(/\| class2 \| 3 \| 1 \| 1 \| /);
    expect(r.stdout).toContain('3 instance(s)');
  });
});

function optimumOf(file: string, name: string): number {
  const line = fs.readFileSync(sharedPath('bench', 'vectorpack', 'results', file), 'utf8').split('\n').find((l) => l.startsWith(`${name}\t`))!;
  return Number(line.split('\t')[2]);
}
