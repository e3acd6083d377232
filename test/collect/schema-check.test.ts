import fc from 'fast-check';
import { z } from 'zod';
import { emptyWorkload } from '../../src/inventory/workload';
import { buildInventory } from '../../src/collect/pipeline';
import { compileCheck } from '../../src/collect/schema-check';
import { CollectorOutput } from '../../src/collect/types';
import { HostSchema, Workload, WorkloadSchema } from '../../src/inventory/schema';

/**
 * The pipeline validates workloads with a pre-check compiled from the zod schema and asks zod only when the
 * pre-check is unsure. These tests pin that a malformed collector output is still caught (as a bug, naming the
 * item and field) wherever it sits in a large estate, and that the pre-check never accepts what zod rejects.
 */

function vm(i: number, extra: Partial<Workload> = {}): Workload {
  const name = `vm${String(i).padStart(4, '0')}`;
  return emptyWorkload({ id: `a.csv/${name}`, name, vcpus: 2, memoryMib: 4096, provenance: [{ file: 'a.csv', row: i + 2 }], powerState: 'on', ...extra });
}

function estate(n: number, bad: number, badVm: Workload): { file: string; out: CollectorOutput }[] {
  const workloads = Array.from({ length: n }, (_, i) => (i === bad ? badVm : vm(i)));
  return [{ file: 'a.csv', out: { format: 'generic-csv', rowsRead: n, workloads, hosts: [], clusters: [], excluded: [], problems: [] } }];
}

describe('a malformed workload from a collector is still caught after the fast path', () => {
  // Index 500 of 1,000 is neither among the first items nor on the fixed zod sample (every 997th).
  it.each([
    ['NaN vcpus', vm(500, { vcpus: NaN }), 'workloads.500.vcpus'],
    ['Infinity memory', vm(500, { memoryMib: Infinity }), 'workloads.500.memoryMib'],
    ['a fractional nics count', vm(500, { nics: 1.5 }), 'workloads.500.nics'],
    ['an unknown power state', vm(500, { powerState: 'hibernating' as Workload['powerState'] }), 'workloads.500.powerState'],
    ['no provenance', vm(500, { provenance: [] }), 'workloads.500.provenance'],
    ['a label that is not text', vm(500, { labels: { owner: 7 as unknown as string } }), 'workloads.500.labels.owner'],
    ['a field the schema does not know', { ...vm(500), colour: 'blue' } as Workload, 'workloads.500'],
  ])('%s', (_what, bad, where) => {
    expect(() => buildInventory(estate(1000, 500, bad), { includePoweredOff: false })).toThrow(
      new RegExp(`^collected inventory does not match the schema: ${where.replace(/\./g, '\\.')}[.:]`),
    );
  });

  it('a well-formed estate passes and is returned in schema key order', () => {
    const inv = buildInventory(estate(1000, -1, vm(0)), { includePoweredOff: false });
    expect(inv.workloads).toHaveLength(1000);
    expect(Object.keys(inv.workloads[700])).toEqual(['id', 'name', 'kind', 'powerState', 'vcpus', 'memoryMib', 'disks', 'utilization', 'os', 'location', 'tags', 'labels', 'drsRules', 'config', 'flags', 'provenance']);
  });
});

describe('compileCheck says yes only when zod does', () => {
  const workloadCheck = compileCheck(WorkloadSchema);
  const hostCheck = compileCheck(HostSchema);

  it('accepts a valid workload and host without asking zod', () => {
    expect(workloadCheck(vm(1, { nics: 2, cpuMhz: 2400, utilization: { cpu: { unit: 'pct', basis: 'snapshot', avg: 5, peak: 5, samples: 1 }, confidence: 3 } }))).toBe(true);
    expect(hostCheck({ id: 'h', name: 'h', sockets: 2, coresPerSocket: 8, cores: 16, cpuMhz: 2000, memoryMib: 1024, provenance: [{ file: 'x' }] })).toBe(true);
  });

  it('is unsure of schema features it does not compile (zod decides)', () => {
    expect(compileCheck(z.string().min(2))('abc')).toBe(false);
    expect(compileCheck(z.number().nullable())(1)).toBe(false);
    expect(compileCheck(z.object({ a: z.string() }).passthrough())({ a: 'x' })).toBe(false);
  });

  it('never accepts a mutated workload that zod rejects (random mutations)', () => {
    const keys = ['vcpus', 'memoryMib', 'nics', 'powerState', 'kind', 'flags', 'tags', 'labels', 'provenance', 'os', 'utilization', 'config', 'extra'];
    const values = fc.oneof(
      fc.constantFrom(NaN, Infinity, -Infinity, 1.5, -3, 0, 2 ** 60, undefined, null, '', 'on', 'vm', 'idle', true),
      fc.constant([]),
      fc.constant([{ file: 'f' }]),
      fc.constant(['idle', 'bogus']),
      fc.constant({ family: 'linux' }),
      fc.constant({ family: 'beos' }),
      fc.constant({ cpu: { unit: 'pct', basis: 'avg', avg: NaN } }),
      fc.constant({ confidence: 6 }),
      fc.constant({ a: 'b' }),
      fc.constant({ a: 1 }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), values), { minLength: 1, maxLength: 3 }), (edits) => {
        const w: Record<string, unknown> = { ...vm(1) };
        for (const [k, v] of edits) w[k] = v;
        if (workloadCheck(w)) expect(WorkloadSchema.safeParse(w).success).toBe(true);
      }),
      { numRuns: 2000, seed: 20260522 },
    );
  });
});
