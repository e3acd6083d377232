/** sysstat files dcplan does not read directly are refused with the conversion to run (issue 11.6): exit 2, file named. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../helpers/cli';

const fx = (f: string) => path.join(__dirname, '..', 'fixtures', 'collect', f);
// a scratch output, never a device: a run that succeeds writes its inventory there
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-sysstat-'));
const out = path.join(tmp, 'inventory.json');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test.each([
  ['sa21', 'sysstat-binary', /binary sysstat data file/],
  ['sar21', 'sysstat-text', /plain sar text output/],
])('%s is refused with the sadf -d hint', (file, code, what) => {
  const r = runCli(['collect', fx(file), '--out', out]);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(`${code} at ${fx(file)}`);
  expect(r.stderr).toMatch(what);
  expect(r.stderr).toContain(`sadf -d ${file} -- -u -r > ${file}.csv`);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('other text series are not caught by the refusal (a relog TSV)', () => {
  const r = runCli(['collect', fx('../series/relog.tsv'), '--out', out]);
  expect(r.stderr).not.toMatch(/sysstat-(text|binary)/);
});
