import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../util/atomic-write';
import { assessmentYaml } from './config';
import { buildDemoEstate, DEMO_SEED, DEMO_VMS } from './estate';
import { genericCsv } from './generic-csv';
import { drawLogo } from './logo';
import { datasetReadme } from './readme';
import { rvtoolsCsvFiles } from './rvtools-csv';

/**
 * Generates the demo estate shipped in `datasets/` (and, with a size, the large estates of `npm run bench:assess`).
 * Deterministic: the same seed and size give byte-identical files; a test regenerates and compares with the committed ones.
 *
 *   node dist/demo/generate.js [--out datasets] [--vms 480] [--seed 20260522]
 */

export interface DemoOptions {
  seed?: number;
  vms?: number;
}

/** Relative path → content of every file of the demo dataset. */
export function generateDemoFiles(opts: DemoOptions = {}): Map<string, string | Buffer> {
  const estate = buildDemoEstate(opts);
  const files = new Map<string, string | Buffer>();
  for (const [name, content] of Object.entries(rvtoolsCsvFiles(estate))) files.set(`demo-rvtools/${name}`, content);
  files.set('demo-generic.csv', genericCsv(estate));
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

/** The package's own `datasets/` folder, found from the compiled or source location (not the cwd). */
export function packageDatasetsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'datasets');
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..', '..', 'datasets');
}

function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = arg('--out') ?? packageDatasetsDir();
  const vms = arg('--vms') ? Number(arg('--vms')) : undefined;
  const seed = arg('--seed') ? Number(arg('--seed')) : undefined;
  const written = writeDemoFiles(out, generateDemoFiles({ vms, seed }));
  process.stdout.write(`wrote ${written.length} files to ${out}\n`);
}

if (require.main === module) main(process.argv.slice(2));
