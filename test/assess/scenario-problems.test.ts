import { scenarioProblems } from '../../src/assess/scenario-problems';
import { warning } from '../../src/diagnostics/problem';

describe('scenarioProblems', () => {
  const cpu = warning('cpu-mhz', 'CPU demand moves as raw MHz');
  const unplaced = warning('workloads-unplaced', '6 workload(s) are not in the plan');
  const dense = warning('cpu-mhz', 'host model dense-2x48 has no cpuModel');

  it('says a problem every scenario has once, as it is', () => {
    const out = scenarioProblems([
      { name: 'baseline', problems: [cpu, unplaced] },
      { name: 'dense', problems: [cpu, unplaced] },
    ]);
    expect(out).toEqual([cpu, unplaced]);
  });

  it('names the scenarios of a problem only some have', () => {
    const out = scenarioProblems([
      { name: 'baseline', problems: [unplaced] },
      { name: 'dense', problems: [unplaced, dense] },
      { name: 'alloc', problems: [unplaced, dense] },
    ]);
    expect(out.map((p) => p.message)).toEqual([
      '6 workload(s) are not in the plan',
      'host model dense-2x48 has no cpuModel (scenarios dense, alloc)',
    ]);
  });

  it('keeps problems at different places apart', () => {
    const a = { ...unplaced, file: 'a.yaml' };
    const b = { ...unplaced, file: 'b.yaml' };
    const out = scenarioProblems([{ name: 'x', problems: [a] }, { name: 'y', problems: [b] }]);
    expect(out.map((p) => p.message)).toEqual(['6 workload(s) are not in the plan (scenario x)', '6 workload(s) are not in the plan (scenario y)']);
  });

  it('leaves a single plan untouched', () => {
    expect(scenarioProblems([{ name: 'only', problems: [cpu, cpu] }])).toEqual([cpu, cpu]);
  });
});
