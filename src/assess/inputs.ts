import { isCalendarDate } from '../inventory/plausible';
import * as fs from 'fs';
import * as path from 'path';
import { error, Problem, UserError } from '../diagnostics';
import { PACKAGE_ROOT } from '../version';

/**
 * Resolves what an assessment runs on. No files → the demo estate shipped in the package's `datasets/` folder (found from
 * this compiled file, never from the cwd, so `dcplan assess` works from anywhere) with its `assessment.yaml`.
 */

export const demoDir = () => path.join(PACKAGE_ROOT, 'datasets');

export interface ResolvedInputs {
  demo: boolean;
  files: string[];
  configs: string[];
}

export function resolveInputs(files: string[], configs: string[]): ResolvedInputs {
  if (files.length === 0) {
    const dir = demoDir();
    const demoFiles = [path.join(dir, 'demo-rvtools'), path.join(dir, 'demo-generic.csv')];
    const missing = demoFiles.filter((f) => !fs.existsSync(f));
    if (missing.length > 0)
      throw new UserError(
        missing.map((f) =>
          error('demo-missing', `the demo estate is incomplete: ${f} is missing`, { file: f },
            'reinstall dcplan, or regenerate it with `npm run demo`'),
        ),
      );
    return { demo: true, files: demoFiles, configs: configs.length > 0 ? configs : [path.join(dir, 'assessment.yaml')] };
  }
  const problems: Problem[] = [];
  for (const f of files)
    if (!fs.existsSync(f))
      problems.push(error('input-not-found', `input file not found: ${f}`, { file: f }, 'check the path; folders of RVTools CSV tabs are accepted too'));
  for (const c of configs)
    if (!fs.existsSync(c)) problems.push(error('config-not-found', `config file not found: ${c}`, { file: c }));
  if (problems.length > 0) throw new UserError(problems);
  return { demo: false, files, configs };
}

/** `Harbourline Logistics B.V.` → `harbourline-logistics-b-v` (ASCII, for folder names). */
export function slug(s: string): string {
  const ascii = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const out = ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return out.slice(0, 60) || 'assessment';
}

/** The assessment date: the one given, else SOURCE_DATE_EPOCH (reproducible builds), else today (UTC). */
export function assessmentDate(given?: string): { date: string; fixed: boolean } {
  if (given !== undefined) {
    if (!isCalendarDate(given))
      throw new UserError(error('bad-date', `--date must be a calendar date like 2026-05-22, not "${given.slice(0, 40)}"`, { column: '--date' }));
    return { date: given, fixed: true };
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return { date: new Date(Number(epoch) * 1000).toISOString().slice(0, 10), fixed: true };
  return { date: new Date().toISOString().slice(0, 10), fixed: false };
}

export function defaultOutDir(date: string, customer: string | undefined): string {
  return path.join('reports', `${date}-${slug(customer ?? 'assessment')}`);
}
