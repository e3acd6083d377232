/** sysstat files dcplan does not read directly are refused with the conversion to run (issue 11.6): exit 2, file named. */
import * as path from 'path';
import { runCli } from '../helpers/cli';

const fx = (f: string) => path.join(__dirname, '..', 'fixtures', 'collect', f);

test.each([
  ['sa21', 'sysstat-binary', /binary sysstat data file/],
  ['sar21', 'sysstat-text', /plain sar text output/],
])('%s is refused with the sadf -d hint', (file, code, what) => {
  const r = runCli(['collect', fx(file), '--out', '/dev/null']);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(`${code} at ${fx(file)}`);
  expect(r.stderr).toMatch(what);
  expect(r.stderr).toContain(`sadf -d ${file} -- -u -r > ${file}.csv`);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

test('other text series are not caught by the refusal (a relog TSV)', () => {
  const r = runCli(['collect', fx('../series/relog.tsv'), '--out', '/dev/null']);
  expect(r.stderr).not.toMatch(/sysstat-(text|binary)/);
});
