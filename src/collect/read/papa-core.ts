import Papa from 'papaparse';

/**
 * Typed access to papaparse's core `Parser` (the state machine under `Papa.parse`). dcplan drives it chunk by chunk
 * itself (see csv.ts) so it controls decoding, row numbers, back-pressure and memory; @types/papaparse does not
 * describe this class, hence this small shim.
 */
export interface CoreParseResult {
  data: string[][];
  errors: { type: string; code: string; message: string; row: number; index: number }[];
  /** Offset just past the last complete record returned (relative to the input plus baseIndex). */
  meta: { cursor: number; delimiter: string; linebreak: string };
}

export interface CoreParserConfig {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  quoteChar?: string;
  preview?: number;
}

interface CoreParserInstance {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): CoreParseResult;
}

const CoreParser = (Papa as unknown as { Parser: new (config: CoreParserConfig) => CoreParserInstance }).Parser;

export class Parser {
  private readonly inner: CoreParserInstance;
  constructor(config: CoreParserConfig) {
    this.inner = new CoreParser(config);
  }
  /** Parses `input`; with `ignoreLastRow` the last, possibly incomplete, record is left for the next call. */
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): CoreParseResult {
    return this.inner.parse(input, baseIndex, ignoreLastRow);
  }
}
