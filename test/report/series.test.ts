/**
 * A time-series plan (day and night servers sharing hosts, made by the real collect and plan commands) gets the
 * diversity sentence and a stacked demand-over-time chart per busy host in the report.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { renderReports } from '../../src/report';
import { fixtureScorecard } from '../fixtures/report/fixture';
import { pdfImages, pdfText, tmpDir } from './helpers';

const T0 = Date.UTC(2024, 0, 1);

test('time-series plan: diversity sentence and demand-over-time charts', async () => {
  const dir = tmpDir('series');
  try {
    fs.writeFileSync(path.join(dir, 'servers.csv'), 'name,vcpus,memory_gib,cpu_ghz,os\n' + ['day-a', 'day-b', 'night-a', 'night-b'].map((n) => `${n},8,32,2.0,Ubuntu 22.04`).join('\n') + '\n');
    const rows = ['timestamp,server,metric,value,unit'];
    for (let h = 0; h < 7 * 24; h++) {
      const ts = new Date(T0 + h * 3_600_000).toISOString();
      for (const n of ['day-a', 'day-b', 'night-a', 'night-b']) {
        const busy = n.startsWith('day') ? h % 24 >= 8 && h % 24 < 20 : h % 24 < 8 || h % 24 >= 20;
        rows.push(`${ts},${n},cpu,${busy ? 80 : 5},%`, `${ts},${n},memory,50,%`);
      }
    }
    fs.writeFileSync(path.join(dir, 'perf.csv'), rows.join('\n') + '\n');
    fs.writeFileSync(
      path.join(dir, 'assessment.yaml'),
      'policy: { timeSeries: hourly, headroom: 0, growth: 0, haSpareHosts: 1 }\n' +
        'hostModels:\n  - { id: small-10c, sockets: 1, coresPerSocket: 10, cpuGhz: 2, memoryGib: 256, cost: 10000 }\n',
    );
    expect(runCli(['collect', 'servers.csv', 'perf.csv', '--window', 'week', '--granularity', 'hourly', '--out', 'inventory.json'], { cwd: dir }).status).toBe(0);
    expect(runCli(['plan', 'inventory.json', '--config', 'assessment.yaml', '--out', 'plan.json'], { cwd: dir }).status).toBe(0);
    const inventory = JSON.parse(fs.readFileSync(path.join(dir, 'inventory.json'), 'utf8'));
    const plan = JSON.parse(fs.readFileSync(path.join(dir, 'plan.json'), 'utf8'));
    expect(plan.diversity).toMatchObject({ seriesHosts: 3, peakSumHosts: 5 });

    const r = await renderReports({ inventory, plan, scorecard: fixtureScorecard() }, { outDir: path.join(dir, 'out'), formats: ['pdf'], fixedDate: new Date('2026-11-20T00:00:00Z') });
    const text = pdfText(r.files[0]).replace(/\s+/g, ' ');
    expect(text).toContain('Packing on hourly demand shapes needs 3 hosts; adding up each workload');
    expect(text).toContain('CPU demand (MHz) of the workloads on');
    // the four standard charts plus one demand chart per active host (two active hosts, each with a day and a night server)
    expect(pdfImages(r.files[0]).filter((i) => i.type === 'image')).toHaveLength(6);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
