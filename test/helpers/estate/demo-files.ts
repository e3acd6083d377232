import * as path from 'path';
import { writeFileAtomic } from '../../../src/util/atomic-write';
import { assessmentYaml } from './config';
import { buildDemoEstate, DEMO_SEED, DEMO_VMS } from './estate';
import { genericCsv } from './generic-csv';
import { drawLogo } from './logo';
import { datasetReadme } from './readme';
import { DemoEstate } from './model';
import { rvtoolsCsvFiles } from './rvtools-csv';

/**
 * The files of the demo estate shipped in `datasets/` (and, with a size, the large estates of `npm run bench:assess`).
 * Deterministic: the same seed and size give byte-identical files; a test regenerates and compares with the committed
 * ones. `npm run demo` (tools/demo/generate.ts) writes them.
 */

export interface DemoOptions {
  seed?: number;
  vms?: number;
}

/** The inputs dcplan reads (relative path → content): the RVTools export folder and the physical servers' generic CSV. */
function estateFiles(estate: DemoEstate): Map<string, string | Buffer> {
  const files = new Map<string, string | Buffer>();
  for (const [name, content] of Object.entries(rvtoolsCsvFiles(estate))) files.set(`${ESTATE_INPUTS[0]}/${name}`, content);
  files.set(ESTATE_INPUTS[1], genericCsv(estate));
  return files;
}
const ESTATE_INPUTS = ['demo-rvtools', 'demo-generic.csv'] as const;

/** Relative path → content of every file of the demo dataset. */
export function generateDemoFiles(opts: DemoOptions = {}): Map<string, string | Buffer> {
  const estate = buildDemoEstate(opts);
  const files = estateFiles(estate);
  files.set('assessment.yaml', assessmentYaml());
  files.set('logo.png', drawLogo());
  files.set('README.md', datasetReadme(estate, { seed: opts.seed ?? DEMO_SEED, vms: opts.vms ?? DEMO_VMS }));
  return files;
}

/** Writes the files under `dir` (atomically, so a reader never sees a half-written file). */
export function writeDemoFiles(dir: string, files: Map<string, string | Buffer>): string[] {
  const written: string[] = [];
  for (const [rel, content] of files) {
    const file = path.join(dir, rel);
    writeFileAtomic(file, content);
    written.push(file);
  }
  return written;
}
