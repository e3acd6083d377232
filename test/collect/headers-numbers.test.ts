import { applyColumnMap, normHeader, resolveColumns } from '../../src/collect/read/headers';
import { parseNumber, readNumber } from '../../src/collect/read/numbers';
import { Problem } from '../../src/diagnostics';
import { osArch, osFamily } from '../../src/inventory/os';

describe('normHeader', () => {
  it.each([
    ['*Memory (In MB)', 'memoryinmb'],
    ['  *Server name ', 'servername'],
    ['CPU.UsagePct.Avg', 'cpuusagepctavg'],
    ['memory_gib', 'memorygib'],
    ['Memory GiB', 'memorygib'],
    ['# CPU', 'numcpu'],
    ['CPU usage %', 'cpuusagepct'],
    ['\uFEFFVM', 'vm'],
  ])('%j → %j', (raw, want) => {
    expect(normHeader(raw)).toBe(want);
  });
});

describe('resolveColumns', () => {
  const specs = {
    name: { aliases: ['name', 'server'], required: true },
    vcpus: { aliases: ['vcpus'], required: true },
    memory: { aliases: ['memory_gib'], required: true },
    os: { aliases: ['os'] },
  };

  it('finds columns by alias regardless of case, spaces and position, and lists the rest', () => {
    const r = resolveColumns(['Notes', 'MEMORY GIB', 'Server', 'vCPUs'], specs, { file: 'a.csv' });
    expect(r.columns).toEqual({ name: 2, vcpus: 3, memory: 1, os: undefined });
    expect(r.names).toEqual({ name: 'Server', vcpus: 'vCPUs', memory: 'MEMORY GIB' });
    expect(r.unmatched).toEqual([{ header: 'Notes', index: 0 }]);
    expect(r.problems).toEqual([]);
  });

  it('reports every missing required column at once, with the headers seen', () => {
    const r = resolveColumns(['name', 'ram'], specs, { file: 'a.csv' });
    expect(r.problems).toEqual([
      {
        code: 'missing-column',
        severity: 'error',
        message: 'Required columns "vcpus", "memory_gib" not found. Headers seen: "name", "ram".',
        file: 'a.csv',
        row: 1,
        column: 'vcpus',
        hint: 'Rename the column in the file, or map it with --map file.yaml (customer column: canonical name).',
      },
    ]);
  });

  it('warns when a used column appears twice', () => {
    const r = resolveColumns(['name', 'vcpus', 'memory_gib', 'Name'], specs, { file: 'a.csv' });
    expect(r.columns.name).toBe(0);
    expect(r.problems.map((p) => [p.code, p.column])).toEqual([['duplicate-column', 'Name']]);
  });

  it('applies a column map and warns about entries that match nothing', () => {
    const r = applyColumnMap(['Server Name', 'Cores'], { 'server name': 'name', Cores: 'vcpus', RAM: 'memory_gib' }, { file: 'c.csv' });
    expect(r.headers).toEqual(['name', 'vcpus']);
    expect(r.problems.map((p) => [p.code, p.column])).toEqual([['map-column-unused', 'RAM']]);
  });
});

describe('parseNumber', () => {
  it.each<[string, boolean, number | undefined]>([
    ['1234.5', false, 1234.5],
    ['1,234.5', false, 1234.5],
    ['1,234', false, 1234],
    ['1,5', false, 1.5],
    ['1,5', true, 1.5],
    ['1.234,5', true, 1234.5],
    ['1.234,5', false, 1234.5],
    ['1.234.567', true, 1234567],
    ['1.5', true, 1.5],
    ['1 234 567', false, 1234567],
    ["1'234", false, 1234],
    ['45%', false, 45],
    ['45 %', false, 45],
    ['\u00a012\u00a0', false, 12],
    ['-3', false, -3],
    ['+7', false, 7],
    ['1e3', false, 1000],
    ['', false, undefined],
    ['  ', false, undefined],
    ['-', false, undefined],
    ['n/a', false, undefined],
    ['NA', false, undefined],
  ])('%j (decimal comma %s) → %s', (raw, decimalComma, want) => {
    expect(parseNumber(raw, { decimalComma })).toBe(want);
  });

  it.each(['abc', '12abc', '1,2,3,4', '4 GB', '0x10'])('%j is not a number', (raw) => {
    expect(parseNumber(raw)).toBeNaN();
  });

  it('readNumber names file, row, column and what was expected', () => {
    const problems: Problem[] = [];
    const at = { file: 's.csv', row: 7, column: 'vcpus' };
    expect(readNumber('abc', { expected: 'a number of vCPUs' }, at, problems)).toBeUndefined();
    expect(readNumber('4.5', { expected: 'a whole number', integer: true, min: 1 }, at, problems)).toBeUndefined();
    expect(readNumber('8', { expected: 'a whole number', integer: true, min: 1 }, at, problems)).toBe(8);
    expect(problems).toEqual([
      { code: 'bad-number', severity: 'error', message: '"abc" is not a number; expected a number of vCPUs.', file: 's.csv', row: 7, column: 'vcpus' },
      { code: 'bad-number', severity: 'error', message: '4.5 is out of range; expected a whole number of at least 1.', file: 's.csv', row: 7, column: 'vcpus' },
    ]);
  });
});

describe('OS family from free text', () => {
  it.each([
    ['Microsoft Windows Server 2016 (64-bit)', 'windows'],
    ['Microsoft Windows 10 (64-bit)', 'windows'],
    ['windowsServer2019Datacenter', 'windows'],
    ['Red Hat Enterprise Linux 8 (64-bit)', 'linux'],
    ['CentOS 4/5/6/7 (64-bit)', 'linux'],
    ['Other 2.6.x Linux (64-bit)', 'linux'],
    ['Other 3.x or later Linux (64-bit)', 'linux'],
    ['SUSE Linux Enterprise 15 (64-bit)', 'linux'],
    ['Ubuntu Linux (64-bit)', 'linux'],
    ['Debian GNU/Linux 12 (64-bit)', 'linux'],
    ['Oracle Linux 8', 'linux'],
    ['VMware Photon OS (64-bit)', 'linux'],
    ['FreeBSD 12 or later versions (64-bit)', 'unix'],
    ['Oracle Solaris 11 (64-bit)', 'unix'],
    ['IBM AIX 7.2', 'unix'],
    ['HP-UX 11i v3', 'unix'],
    ['Novell NetWare 6.x', 'other'],
    ['VMware ESXi 7.0 or later', 'other'],
    ['Other (32-bit)', 'other'],
    ['', 'unknown'],
  ])('%j → %s', (name, family) => {
    expect(osFamily(name)).toBe(family);
  });

  it('architecture from the same text', () => {
    expect(osArch('Microsoft Windows Server 2016 (64-bit)')).toBe('x64');
    expect(osArch('CentOS 4/5 (32-bit)')).toBe('x86');
    expect(osArch('aarch64')).toBe('arm64');
    expect(osArch('Linux')).toBeUndefined();
  });
});
