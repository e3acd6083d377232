import * as path from 'path';
import { PACKAGE_ROOT } from '../../src/version';
import { generateDemoFiles, writeDemoFiles } from '../../test/helpers/estate/demo-files';

/**
 * `npm run demo [-- --out datasets] [--vms 480] [--seed 20260522]`: writes the demo estate (the estate generator in
 * test/helpers/estate/) into the package's `datasets/` folder, or elsewhere with --out.
 */
function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = arg('--out') ?? path.join(PACKAGE_ROOT, 'datasets');
  const vms = arg('--vms') ? Number(arg('--vms')) : undefined;
  const seed = arg('--seed') ? Number(arg('--seed')) : undefined;
  const written = writeDemoFiles(out, generateDemoFiles({ vms, seed }));
  process.stdout.write(`wrote ${written.length} files to ${out}\n`);
}

main(process.argv.slice(2));
