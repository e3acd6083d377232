import fc from 'fast-check';
import { parseWellFormedCsv } from '../../src/collect/read/fast-csv';
import { Parser } from '../../src/collect/read/papa-core';

/** The fast path must return exactly what papaparse's core parser returns, or step aside (undefined). */
describe('parseWellFormedCsv agrees with papaparse', () => {
  const papa = (input: string, delimiter: string, newline: '\n' | '\r\n' | '\r', ignoreLastRow: boolean) =>
    new Parser({ delimiter, newline }).parse(input, 0, ignoreLastRow);

  it('parses quoted RVTools-style rows, doubled quotes and newlines inside quotes', () => {
    const text = '"VM","Notes"\r\n"vm1","say ""hi""\r\nnext line"\r\n"vm2",""\r\n';
    const r = parseWellFormedCsv(text, ',', '\r\n', false)!;
    expect(r.data).toEqual([['VM', 'Notes'], ['vm1', 'say "hi"\r\nnext line'], ['vm2', ''], ['']]);
    expect(r.meta.cursor).toBe(text.length);
    const partial = parseWellFormedCsv(text, ',', '\r\n', true)!;
    expect(partial.data).toEqual([['VM', 'Notes'], ['vm1', 'say "hi"\r\nnext line'], ['vm2', '']]);
    expect(partial.meta.cursor).toBe(text.length);
  });

  it('steps aside for text papaparse has to recover from', () => {
    expect(parseWellFormedCsv('"a" ,b\n', ',', '\n', false)).toBeUndefined();
    expect(parseWellFormedCsv('"a"x,b\n', ',', '\n', false)).toBeUndefined();
    expect(parseWellFormedCsv('a,"b\n', ',', '\n', false)).toBeUndefined();
  });

  it('random texts: same rows, same cursor, no errors whenever it answers', () => {
    const dialects = [
      { delimiter: ',', newline: '\n' as const },
      { delimiter: ';', newline: '\r\n' as const },
      { delimiter: ';\t', newline: '\n' as const },
      { delimiter: '\t', newline: '\r' as const },
    ];
    let answered = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', ',', ';', '\t', '"', '""', '\n', '\r', '\r\n', ' ', 'é'), { maxLength: 40 }).map((p) => p.join('')),
        fc.constantFrom(...dialects),
        fc.boolean(),
        (input, { delimiter, newline }, ignoreLastRow) => {
          const fast = parseWellFormedCsv(input, delimiter, newline, ignoreLastRow);
          if (fast === undefined) return;
          answered++;
          const ref = papa(input, delimiter, newline, ignoreLastRow);
          expect(fast.data).toEqual(ref.data);
          expect(fast.meta.cursor).toBe(ref.meta.cursor);
          expect(ref.errors).toEqual([]);
        },
      ),
      { numRuns: 5000, seed: 20260522 },
    );
    // The comparison is not vacuous: most random texts are well-formed enough for the fast path.
    expect(answered).toBeGreaterThan(2500);
  });
});
