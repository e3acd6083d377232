import { LineCounter, parseDocument } from 'yaml';

/** A parsed YAML text that can say on which line a path sits, so a problem can name file, line and path. */
export interface YamlWithLines {
  data: unknown;
  /** Syntax errors with their 1-based line; `data` is meaningless when there are any. */
  errors: { message: string; line?: number }[];
  /** 1-based line of the node at `path`, or of its nearest existing parent. */
  lineOf: (path: (string | number)[]) => number | undefined;
}

/** Alias (`*name`) expansions allowed in one document: real configs use a handful. */
const MAX_ALIASES = 100;

export function parseYamlWithLines(text: string): YamlWithLines {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  const errors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0],
    line: e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line,
  }));
  const lineOf = (path: (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && node.range) return lc.linePos(node.range[0]).line;
    }
    return undefined;
  };
  if (errors.length > 0) return { data: undefined, errors, lineOf };
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIASES }), errors, lineOf };
  } catch (e) {
    // The yaml library refuses a document whose aliases expand past maxAliasCount (a "billion laughs" bomb).
    return {
      data: undefined,
      errors: [{ message: `${(e as Error).message} (more than ${MAX_ALIASES} alias expansions)` }],
      lineOf,
    };
  }
}
