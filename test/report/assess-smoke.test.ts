import { readPlan } from '../../src/plan/io';
import { readScorecard } from '../../src/readiness/io';
import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../helpers/cli';
import { fmtInt, fmtMoney, fmtNum, fmtPct, fmtRatio } from '../../src/report/format';
import { chooseFonts } from '../../src/report/render/pdf/fonts';
import { pdfImages, pdfText, tmpDir } from './helpers';

/** The real pipeline on the demo estate: the report must print what plan.json and scorecard.json say. */
describe('report from a real dcplan assess run (demo estate)', () => {
  const dir = tmpDir('assess');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the checkpoints’ headline figures, compares the scenarios and embeds the charts', () => {
    const r = runCli(['assess', '--out-dir', dir, '--date', '2026-11-20', '--format', 'pdf,xlsx']);
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(0);
    const plan = readPlan(path.join(dir, 'plan.json'));
    const scorecard = readScorecard(path.join(dir, 'scorecard.json'));
    const pdf = path.join(dir, 'report.pdf');
    const squeeze = (t: string) => chooseFonts().printable(t).replace(/\s+/g, '');
    const text = squeeze(pdfText(pdf));
    const s = plan.summary;
    const rec = scorecard.platforms.find((p) => p.platform === scorecard.recommendation.platform)!;
    const figures = [
      `${fmtInt(s.hostsBefore)} → ${fmtInt(s.hosts)}`,
      fmtRatio(s.consolidationRatio),
      fmtPct(s.utilizationAfter.cpuMhz!),
      fmtNum(s.powerKwAfter),
      fmtInt(s.energyKwhPerYearAfter),
      `${fmtInt(s.rackUnitsAfter)} U`,
      fmtMoney(s.hardwareCost, s.currency),
      fmtMoney(s.licenceCost, s.currency),
      scorecard.recommendation.name,
      `${fmtNum(rec.weightedTotal)} / 100`,
      'Scenario comparison',
    ];
    for (const f of figures) expect(text).toContain(squeeze(f));
    // nine charts (the demo config has scenarios and a business case: cumulative cost, tornado, cumulative per scenario;
    // issue 14: the maturity level chart) and the logo
    expect(pdfImages(pdf).filter((i) => i.type === 'image')).toHaveLength(10);
    // the business case: its totals and payback as plan.json has them
    const bc = plan.businessCase!;
    for (const f of [fmtMoney(bc.totals.before, s.currency), fmtMoney(bc.totals.after, s.currency), fmtMoney(bc.totals.savings, s.currency), `month ${bc.paybackMonth}`])
      expect(text).toContain(squeeze(f));
    // its sensitivity: energy price, oversubscription and growth, the latter two re-planned
    // (the demo's VMs all have a measured CPU figure, so oversubscription moves nothing and needs no re-plan)
    expect(bc.sensitivity!.map((r) => r.input)).toEqual(['Energy price', 'CPU oversubscription (vCPU per core): no workload is sized on its allocation', 'Growth']);
    expect(bc.sensitivity![1]).toMatchObject({ savingsLow: bc.totals.savings, savingsHigh: bc.totals.savings, hostsLow: s.hosts, hostsHigh: s.hosts });
    expect(text).toContain(squeeze('Which assumption matters'));
    expect(fs.existsSync(path.join(dir, 'report.xlsx'))).toBe(true);
  });
});
