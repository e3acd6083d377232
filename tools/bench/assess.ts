import { loadNote } from './load';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runAssessment } from '../../src/assess/pipeline';
import { defaultStages } from '../../src/assess/stages';
import { REPORT_FORMATS, ReportFormat, StageId } from '../../src/assess/types';
import { generateDemoFiles, writeDemoFiles } from '../../test/helpers/estate/demo-files';

/**
 * `npm run bench:assess [-- --vms 10000] [--formats pdf,html,xlsx,csv,json] [--base-only] [--keep]`: generates a demo estate of the
 * given size with the seeded generator (same shape as datasets/, scaled: clusters, hosts and physical servers grow with
 * it), runs the full assessment on it (every scenario of the demo config, every report format) and prints seconds per
 * stage, the total, and peak memory. Target: 10,000 workloads in under 60 s.
 */
async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const vms = Number(arg('--vms') ?? 10000);
  const formats = (arg('--formats') ?? REPORT_FORMATS.join(',')).split(',') as ReportFormat[];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-bench-assess-'));
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

  const g0 = Date.now();
  const data = path.join(work, 'data');
  const files = generateDemoFiles({ vms });
  // --base-only: plan the base config alone (no what-if scenarios)
  if (argv.includes('--base-only')) files.set('assessment.yaml', String(files.get('assessment.yaml')).replace(/\nscenarios:[\s\S]*$/, '\n'));
  writeDemoFiles(data, files);
  const genSeconds = (Date.now() - g0) / 1000;
  const vInfoRows = fs.readFileSync(path.join(data, 'demo-rvtools', 'RVTools_tabvInfo.csv'), 'utf8').split('\r\n').length - 2;
  process.stdout.write(`generated ${vInfoRows} VMs + physical servers in ${genSeconds.toFixed(2)} s (${data})\n`);

  const steps: string[] = [];
  const t0 = Date.now();
  const result = await runAssessment(
    {
      files: [path.join(data, 'demo-rvtools'), path.join(data, 'demo-generic.csv')],
      configs: [path.join(data, 'assessment.yaml')],
      outDir: path.join(work, 'out'),
      formats,
      date: '2026-05-22',
      onProgress: (e) => {
        if (e.phase === 'step') steps.push(`  ${(e.elapsedMs / 1000).toFixed(2).padStart(7)} s  ${e.stage}: ${e.message}`);
      },
    },
    defaultStages,
  );
  const total = (Date.now() - t0) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const maxRssKb = process.resourceUsage().maxRSS;

  const by = new Map<StageId, number>(result.timings.map((t) => [t.stage, t.seconds]));
  process.stdout.write(`\nassessment of ${result.inventory.workloads} workloads (${result.scenarios.length} scenarios, formats ${formats.join(',')})\n`);
  for (const stage of ['collect', 'plan', 'score', 'report'] as StageId[])
    process.stdout.write(`  ${stage.padEnd(8)} ${(by.get(stage) ?? 0).toFixed(2).padStart(7)} s\n`);
  process.stdout.write(`  ${'total'.padEnd(8)} ${total.toFixed(2).padStart(7)} s   (target < 60 s: ${total < 60 ? 'met' : 'NOT met'}; ${loadNote()})\n`);
  process.stdout.write(`  peak RSS ${(Math.max(peakRss, maxRssKb * 1024) / 2 ** 20).toFixed(0)} MiB\n`);
  process.stdout.write(`\nplan progress:\n${steps.join('\n')}\n\nscenarios:\n`);
  for (const s of result.scenarios)
    process.stdout.write(`  ${s.name.padEnd(16)} hosts ${String(s.hosts).padStart(5)}  lower bound ${String(s.lowerBound).padStart(5)}  gap ${(s.gap * 100).toFixed(1)} %` +
      `${s.costGap !== undefined ? `  cost gap ${(s.costGap * 100).toFixed(1)} %` : ''}\n`);
  if (argv.includes('--keep')) process.stdout.write(`\nkept ${work}\n`);
  else fs.rmSync(work, { recursive: true, force: true });
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`bench:assess failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
