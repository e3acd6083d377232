import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { corpusDir, write } from './corpus';

/**
 * Locale-proof output (issue 17.6): the same estate under LANG=C / TZ=UTC, under LANG/LC_ALL=de_DE.UTF-8 with
 * TZ=Pacific/Chatham (UTC+12:45/+13:45), and under sv_SE.UTF-8 (whose collation sorts å ä ö after z) gives every
 * output file byte for byte the same, PDF included (chart.js once drew a German axis "1.400"), and the same stdout.
 */
const dir = corpusDir('locale');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CSV = [
  'name,vcpus,memory_gib,storage_gib,cpu_util_p95_pct,memory_util_p95_pct,os,environment,application,cluster',
  ...[
    ['Zeta-app01', 4, 16, 200, 35.5, 60, 'Microsoft Windows Server 2019', 'prod', 'Zeta', 'Örebro'],
    ['äpple-db01', 8, 64, 1400, 55, 70, 'Red Hat Enterprise Linux 8', 'prod', 'Äpple', 'Örebro'],
    ['ödla-web01', 2, 4, 60, 12.5, 40, 'Ubuntu 22.04', 'test', 'Ödla', 'Zürich'],
    ['alpha-web02', 2, 8, 80, 20, 45, 'Ubuntu 22.04', 'test', 'alpha', 'Zürich'],
    ['Beta-file01', 4, 32, 2600, 8, 30, 'Microsoft Windows Server 2022', 'prod', 'Beta', 'zug'],
    ['beta-file02', 4, 32, 2600, 9, 30, 'Microsoft Windows Server 2022', 'prod', 'Beta', 'zug'],
  ].map((r) => r.join(',')),
].join('\n');

// a business case draws the cumulative cost chart, whose axis runs in the thousands (where a locale shows)
const CONFIG = `
hostModels:
  - { id: r660, sockets: 2, coresPerSocket: 16, cpuGhz: 2.8, memoryGib: 512, cost: 31000, powerIdleW: 180, powerMaxW: 600, rackUnits: 1 }
businessCase:
  energyPricePerKwh: 0.31
  hardwareSupport: { pctOfPricePerYear: 0.1 }
report: { currency: EUR }
`;

function assess(env: NodeJS.ProcessEnv, out: string) {
  const input = write(dir, 'estate.csv', CSV + '\n');
  const config = write(dir, 'assessment.yaml', CONFIG);
  const r = runCli(['assess', input, '-c', config, '--out-dir', out, '--date', '2026-05-22', '--format', 'pdf,html,xlsx,csv,json'], { cwd: dir, env });
  expect(r.status).toBe(0);
  return r;
}

const files = (d: string) => fs.readdirSync(d).sort();
// the progress lines carry elapsed seconds; everything else on stdout is compared
const stable = (stdout: string) => stdout.replace(/^\[\s*[\d.]+s\]/gm, '[t]');

test('every output byte for byte the same under C/UTC, de_DE/Pacific/Chatham and sv_SE', () => {
  const base = assess({ LANG: 'C', LC_ALL: 'C', TZ: 'UTC' }, 'c');
  const variants = [
    assess({ LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', TZ: 'Pacific/Chatham' }, 'de'),
    assess({ LANG: 'sv_SE.UTF-8', LC_ALL: 'sv_SE.UTF-8', TZ: 'Asia/Kathmandu' }, 'sv'),
  ];
  const c = path.join(dir, 'c');
  expect(files(c)).toEqual(expect.arrayContaining(['report.pdf', 'report.html', 'report.xlsx', 'report.json', 'plan.json', 'inventory.json']));
  for (const [k, other] of ['de', 'sv'].entries()) {
    const o = path.join(dir, other);
    expect(files(o)).toEqual(files(c));
    const differing = files(c).filter((f) => !fs.readFileSync(path.join(c, f)).equals(fs.readFileSync(path.join(o, f))));
    expect(differing).toEqual([]);
    expect(stable(variants[k].stdout).replaceAll(`/${other}`, '/c')).toBe(stable(base.stdout));
  }
});
