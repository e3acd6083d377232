import * as fs from 'fs';
import { LineCounter, parseDocument, Document } from 'yaml';
import { Problem, error } from '../diagnostics';

/** A parsed YAML file that can say on which line a path sits, so every problem names file, line and path. */
export interface YamlFile {
  file: string;
  data: unknown;
  lineOf(path: (string | number)[]): number | undefined;
}

export function readYamlFile(absPath: string, displayName: string, problems: Problem[]): YamlFile | undefined {
  let text: string;
  try {
    text = fs.readFileSync(absPath, 'utf8');
  } catch (e) {
    problems.push(error('rule-file-unreadable', `cannot read: ${(e as Error).message}`, { file: displayName }));
    return undefined;
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors)
      problems.push(
        error('rule-file-malformed', `not valid YAML: ${e.message.split('\n')[0]}`, {
          file: displayName,
          row: e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line,
        }),
      );
    return undefined;
  }
  const data = doc.toJS();
  return { file: displayName, data, lineOf: (p) => lineOf(doc, lc, p) };
}

function lineOf(doc: Document, lc: LineCounter, path: (string | number)[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Adds line numbers to problems about this file that carry a path. */
export function withLines(f: YamlFile, problems: Problem[]): Problem[] {
  return problems.map((p) => (p.file === f.file && p.row === undefined && p.path ? { ...p, row: f.lineOf(p.path) } : p));
}
