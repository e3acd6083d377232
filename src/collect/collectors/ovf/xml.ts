import { SaxesParser, SaxesTagNS } from 'saxes';

/**
 * A small, safe XML reader for OVF descriptors: a streaming parser (saxes) builds a light element tree.
 * Safety: saxes never fetches anything and never expands entities declared in a DTD; a DOCTYPE is refused outright
 * (no OVF descriptor has one, and internal entity declarations are how "billion laughs" bombs are built). Size is
 * bounded: the caller feeds at most MAX_DESCRIPTOR_BYTES, and the tree at most MAX_ELEMENTS elements, so a hostile
 * descriptor ends with a clear error instead of exhausting memory.
 */

export const MAX_DESCRIPTOR_BYTES = 32 * 1024 * 1024;
export const MAX_ELEMENTS = 500_000;
/** Longest text kept per element (EULA texts are long; nothing dcplan reads is). */
const MAX_TEXT = 64 * 1024;

export interface XmlAttr {
  uri: string;
  local: string;
  value: string;
}

export interface XmlElement {
  local: string;
  uri: string;
  prefix: string;
  attrs: XmlAttr[];
  children: XmlElement[];
  text: string;
  /** 1-based line and column where the start tag ends (as the parser reports positions). */
  line: number;
  column: number;
}

export class XmlError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'XmlError';
  }
}

/** Parses a descriptor fed as chunks (a stream or one buffer). Throws XmlError with line and column. */
export async function parseXml(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<XmlElement> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  let failure: XmlError | undefined;
  const fail = (e: XmlError) => {
    if (!failure) failure = e;
  };
  parser.on('error', (e) => {
    const m = /^(\d+):(\d+): (.*)$/s.exec(e.message);
    fail(m ? new XmlError(m[3], Number(m[1]), Number(m[2])) : new XmlError(e.message));
  });
  parser.on('doctype', () =>
    fail(
      new XmlError(
        'a DOCTYPE declaration is not allowed in an OVF descriptor (DTD entities could expand without bound)',
        parser.line,
        parser.column,
      ),
    ),
  );
  parser.on('opentag', (t: SaxesTagNS) => {
    if (++count > MAX_ELEMENTS) {
      fail(new XmlError(`more than ${MAX_ELEMENTS} elements; not an OVF descriptor dcplan reads`, parser.line, parser.column));
      return;
    }
    const attrs: XmlAttr[] = [];
    for (const a of Object.values(t.attributes)) {
      if (a.uri === 'http://www.w3.org/2000/xmlns/' || a.name === 'xmlns') continue;
      attrs.push({ uri: a.uri, local: a.local, value: a.value });
    }
    const el: XmlElement = { local: t.local, uri: t.uri, prefix: t.prefix, attrs, children: [], text: '', line: parser.line, column: parser.column };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  const addText = (s: string) => {
    const top = stack[stack.length - 1];
    if (top && top.text.length < MAX_TEXT) top.text += s.slice(0, MAX_TEXT - top.text.length);
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    stack.pop();
  });
  let bytes = 0;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for await (const chunk of chunks as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    if (bytes > MAX_DESCRIPTOR_BYTES)
      throw new XmlError(`the descriptor is larger than ${MAX_DESCRIPTOR_BYTES / 1024 / 1024} MiB; not an OVF descriptor dcplan reads`);
    try {
      parser.write(decoder.decode(chunk, { stream: true }));
    } catch {
      /* reported through the error handler */
    }
    if (failure) throw failure;
  }
  try {
    parser.write(decoder.decode()).close();
  } catch {
    /* reported through the error handler */
  }
  if (failure) throw failure;
  if (!root) throw new XmlError('no XML element found (empty document)');
  return root;
}

/** Child elements by local name (namespace-agnostic: OVF 0.9, 1.x and 2.x use different namespace URIs). */
export function kids(el: XmlElement, local?: string): XmlElement[] {
  return local === undefined ? el.children : el.children.filter((c) => c.local === local);
}

export function kid(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c) => c.local === local);
}

/** Trimmed text of the first child of that local name. */
export function kidText(el: XmlElement, local: string): string | undefined {
  const k = kid(el, local);
  const t = k?.text.trim();
  return t === undefined || t === '' ? undefined : t;
}

/**
 * An attribute by local name: OVF attributes are written `ovf:href`, but some tools write them unqualified; any
 * namespace is accepted, the OVF envelope namespace first.
 */
export function attr(el: XmlElement, local: string, preferUri?: string): string | undefined {
  let found: string | undefined;
  for (const a of el.attrs) {
    if (a.local !== local) continue;
    if (preferUri !== undefined && a.uri === preferUri) return a.value;
    if (found === undefined) found = a.value;
  }
  return found;
}
