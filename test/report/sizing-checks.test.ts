import { cpuGenerationsSentence, cpuGenerationsTable, reconciliationTable, sizingCheckBlocks } from '../../src/report/model/sizing-checks';
import { Plan } from '../../src/plan/types';

/** Only the fields the sizing-check blocks read. */
const plan = {
  policy: { reconciliationFactor: 2 },
  cpuPerformance: {
    basis: 'perf-index',
    table: 'rules/reference/cpu-performance.yaml',
    tableSource: 'https://www.spec.org/cpu2017/results/rint2017.html',
    metric: 'SPECrate2017_int_base per core',
    reference: { model: 'new', ghz: 2, index: 8, from: 'perfIndex' },
    targets: [{ model: 'new', ghz: 2, index: 8, from: 'perfIndex', factor: 1 }],
    sources: [
      { cpuModel: 'Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz', ghz: 2.4, hosts: 3, workloads: 40, family: 'Intel Xeon E5 v4 (Broadwell-EP, 2016)', index: 4, accuracy: 'approximate', source: 'https://www.spec.org/cpu2017/results/rint2017.html', ratio: 0.4167 },
      { cpuModel: 'Mystery CPU', ghz: 2, hosts: 1, workloads: 2, ratio: 1 },
    ],
    workloadsOnMhz: 2,
    unknownModels: ['Mystery CPU'],
  },
  reconciliation: [
    { cluster: 'c1', workloads: 40, hosts: 3, sizedCpuMhz: 69000, measuredCpuMhz: 10000, cpuHostsMeasured: 3, cpuRatio: 6.9, sizedMemoryMib: 1024 * 100, measuredMemoryMib: 1024 * 110, memoryHostsMeasured: 3, memoryRatio: 0.91, flagged: ['cpu'] },
  ],
} as unknown as Plan;

describe('report: CPU generations and sized vs measured', () => {
  it('lists each source CPU model with its row, index, ratio and source; an unknown one as raw MHz', () => {
    const t = cpuGenerationsTable(plan)!;
    expect(t.rows[0]).toEqual(['now', 'Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz', 'Intel Xeon E5 v4 (Broadwell-EP, 2016)', 4, 2.4, 3, 40, 0.4167, 'approximate', 'https://www.spec.org/cpu2017/results/rint2017.html']);
    expect(t.rows[1].slice(0, 4)).toEqual(['now', 'Mystery CPU', 'not in the table: raw MHz', null]);
    expect(t.rows[2].slice(0, 4)).toEqual(['new', 'new', 'perfIndex given', 8]);
    expect(cpuGenerationsSentence(plan)).toMatch(/MHz of new \(index 8\.0 at 2\.00 GHz\).*2 VM\(s\) on a CPU the table does not know.*\(Mystery CPU\)/);
  });
  it('prints the ratio per cluster and names the flagged ones with the factor', () => {
    const t = reconciliationTable(plan)!;
    expect(t.title).toBe('Sized demand against measured host use (flag beyond 2.0×)');
    expect(t.rows[0]).toEqual(['c1', 40, 3, 69000, 10000, 6.9, 100, 110, 0.91, 'cpu differs']);
    const para = sizingCheckBlocks(plan, undefined, t).find((b) => b.type === 'paragraph' && b.text.startsWith('In 1 source'));
    expect(para).toMatchObject({ text: expect.stringContaining('c1 (cpu 6.90×)') });
  });
});
