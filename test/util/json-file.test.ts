import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UserError } from '../../src/diagnostics';
import { readJsonFile } from '../../src/util/json-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dcplan-json-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function problemOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).problems[0];
  }
  throw new Error('expected a user error');
}

describe('readJsonFile: the JSON a user hands back, or a user error naming the file', () => {
  it('parses a document written with a BOM', () => {
    const f = path.join(dir, 'bom.json');
    fs.writeFileSync(f, '\ufeff{"schema":"x"}');
    expect(readJsonFile(f, { noun: 'Plan' })).toEqual({ schema: 'x' });
  });

  it('a missing file says what was looked for and how to make it', () => {
    const p = problemOf(() => readJsonFile(path.join(dir, 'absent.json'), { noun: 'Plan', displayName: 'absent.json', createHint: 'Create it with: dcplan plan' }));
    expect([p.code, p.message, p.file, p.hint]).toEqual(['file-not-found', 'Plan not found: absent.json', 'absent.json', 'Create it with: dcplan plan']);
  });

  it('text that is not JSON is bad-json with the parser message', () => {
    const f = path.join(dir, 'bad.json');
    fs.writeFileSync(f, '{bad');
    const p = problemOf(() => readJsonFile(f, { noun: 'Inventory' }));
    expect(p.code).toBe('bad-json');
    expect(p.message).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid JSON: `));
  });

  it('a folder is unreadable, not missing', () => {
    expect(problemOf(() => readJsonFile(dir, { noun: 'Inventory' })).code).toBe('file-unreadable');
  });
});
