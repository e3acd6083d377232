import * as path from 'path';
import { assessmentDate, defaultOutDir, slug } from '../../src/assess/inputs';
import { progressWriter } from '../../src/assess/progress';
import { UserError } from '../../src/diagnostics';

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { out: { isTTY, columns: 200, write: (s: string) => chunks.push(s) }, text: () => chunks.join('') };
}

describe('assess progress', () => {
  it('writes one line per finished stage with the elapsed time when not on a terminal', () => {
    const s = sink(false);
    const p = progressWriter(s.out);
    p({ stage: 'inputs', phase: 'end', message: 'no input files given: running on the demo estate', elapsedMs: 3 });
    p({ stage: 'collect', phase: 'start', message: 'reading 2 file(s)', elapsedMs: 4 });
    p({ stage: 'collect', phase: 'end', message: '493 workloads', elapsedMs: 1234 });
    p({ stage: 'plan', phase: 'step', message: 'scenario baseline (1/4)', fraction: 0, elapsedMs: 1300 });
    p.done();
    expect(s.text()).toBe(
      '[    0.0s] inputs   no input files given: running on the demo estate\n' +
        '[    1.2s] collect  493 workloads\n' +
        '[    1.3s] plan     scenario baseline (1/4)\n',
    );
  });

  it('redraws one line with a bar on a terminal and keeps a line per finished stage', () => {
    const s = sink(true);
    const p = progressWriter(s.out);
    p({ stage: 'plan', phase: 'step', message: 'scenario b (2/4)', fraction: 0.5, elapsedMs: 2000 });
    p({ stage: 'plan', phase: 'end', message: '16 hosts', elapsedMs: 2500 });
    p.done();
    // plan is stage 2 of 4: half of it done = 37.5 % of the bar (9 of 24)
    expect(s.text()).toBe(
      '\r\x1b[2K| [#########...............] 2.0s plan: scenario b (2/4)' +
        '\r\x1b[2K/ [############............] 2.5s plan: 16 hosts' +
        '\r\x1b[2K   2.5s  plan     16 hosts\n',
    );
  });
});

describe('assess output folder and date', () => {
  it('slugs customer names for folder names', () => {
    expect(slug('Harbourline Logistics')).toBe('harbourline-logistics');
    expect(slug('Société Générale B.V. (NL)')).toBe('societe-generale-b-v-nl');
    expect(slug('***')).toBe('assessment');
    expect(defaultOutDir('2026-05-22', 'Harbourline Logistics')).toBe(path.join('reports', '2026-05-22-harbourline-logistics'));
    expect(defaultOutDir('2026-05-22', undefined)).toBe(path.join('reports', '2026-05-22-assessment'));
  });

  it('takes --date as given, rejects a malformed one as a user error, and honours SOURCE_DATE_EPOCH', () => {
    expect(assessmentDate('2026-05-22')).toEqual({ date: '2026-05-22', fixed: true });
    expect(() => assessmentDate('22/05/2026')).toThrow(UserError);
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '1779408000'; // 2026-05-22T00:00:00Z
    try {
      expect(assessmentDate()).toEqual({ date: '2026-05-22', fixed: true });
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});
