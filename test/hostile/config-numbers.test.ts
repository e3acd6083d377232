import * as fs from 'fs';
import * as path from 'path';
import { parseConfigText } from '../../src/config';
import { runCli } from '../helpers/cli';
import { corpusDir, genericCsv, write } from './corpus';

/**
 * Config numbers that overflow (1e308, .inf, .nan) or are absurd for a host model never reach the plan as Infinity or
 * NaN: the config edge refuses them, naming the file, the key path and the YAML line (issue 17, config numbers).
 */
const dir = corpusDir('config-numbers');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MODEL = '{ id: m, sockets: 2, coresPerSocket: 16, cpuGhz: 2.5, memoryGib: 512, cost: 20000 }';
const errorsOf = (yaml: string) => {
  const r = parseConfigText(yaml, 'bad.yaml');
  expect(r.config).toBeNull();
  return r.problems.filter((p) => p.severity === 'error');
};

describe('config numbers at the edge', () => {
  test.each([
    ['hostModels.0.cost', `hostModels:\n  - ${MODEL.replace('cost: 20000', 'cost: 1e308')}\n`, 2],
    ['hostModels.0.memoryGib', `hostModels:\n  - ${MODEL.replace('memoryGib: 512', 'memoryGib: .inf')}\n`, 2],
    ['policy.headroom', 'policy:\n  headroom: .nan\n', 2],
    ['businessCase.energyPricePerKwh', 'businessCase:\n  energyPricePerKwh: 1e309\n', 2],
    ['constraints.pools.0.licence.perCore', `hostModels:\n  - ${MODEL}\nconstraints:\n  pools:\n    - name: p\n      match: { os: "*" }\n      licence: { perCore: -1e300 }\n`, 7],
  ])('%s is refused naming key and line', (key, yaml, row) => {
    const errs = errorsOf(yaml);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({ code: 'config-invalid', file: 'bad.yaml', path: key.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)), row });
    expect(errs[0].message).toMatch(new RegExp(`^${key.replace(/\./g, '\\.')}: .* is not a plausible number \\(expected a finite number from -1000000000000 to 1000000000000\\)$`));
  });

  test('a host model past the host bounds (cores, clock, memory) is refused with every figure named', () => {
    const errs = errorsOf(`hostModels:\n  - { id: m, sockets: 64, coresPerSocket: 128, cpuGhz: 2.5, memoryGib: 1e9, cost: 1 }\n`);
    expect(errs.map((e) => e.message)).toEqual([
      'host model "m": sockets × coresPerSocket = 8192 (expected a finite number from 1 to 4096); memoryGib = 1000000000 (expected a finite number above 0 and at most 65536)',
    ]);
    expect(errs[0].row).toBe(2);
  });

  test('the CLI: exit 2 naming file, key and line, not an internal error, and no plan written', () => {
    const cfg = write(dir, 'overflow.yaml', `hostModels:\n  - ${MODEL.replace('cost: 20000', 'cost: 1e308')}\n`);
    const csv = write(dir, 'small.csv', genericCsv([['a', 2, 4], ['b', 4, 8]]));
    const out = path.join(dir, 'plan.json');
    const r = runCli(['plan', csv, '-c', cfg, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('overflow.yaml');
    expect(r.stderr).toContain('hostModels.0.cost: 1e+308 is not a plausible number');
    expect(r.stderr).not.toMatch(/internal error|Infinity|NaN/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
