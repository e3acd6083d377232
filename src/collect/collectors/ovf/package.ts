import * as fs from 'fs';
import * as path from 'path';
import { Problem, UserError, error, warning } from '../../../diagnostics';
import { entryStream, listTar, TarError } from './tar';
import { MAX_DESCRIPTOR_BYTES } from './xml';

/**
 * An OVF package as dcplan opens it: an `.ova` (a tar whose first entry is the descriptor), a folder holding one
 * descriptor with its files, or a lone `.ovf` (its referenced files, manifest and certificate looked up beside it).
 * Nothing is read whole: the descriptor and other files are streamed on demand.
 */

export interface PackageFile {
  name: string;
  size: number;
}

export interface OvfPackage {
  kind: 'ova' | 'folder' | 'descriptor';
  /** The path as the user gave it. */
  display: string;
  descriptorName: string;
  /** Files of the package other than the descriptor, by name (tar entry name or file name beside the descriptor). */
  files: Map<string, PackageFile>;
  /** OVA entry names in archive order (descriptor first). */
  order: string[];
  descriptor(): AsyncIterable<Buffer>;
  open(name: string): AsyncIterable<Buffer>;
  /** Small text files (manifest, certificate), read whole; bounded by MAX_SMALL_FILE. */
  readSmall(name: string): Promise<Buffer>;
  problems: Problem[];
}

const MAX_SMALL_FILE = 4 * 1024 * 1024;

async function collect(stream: AsyncIterable<Buffer>, limit: number, what: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of stream) {
    n += c.length;
    if (n > limit) throw new UserError(error('ovf-file-too-large', `${what} is larger than ${limit} bytes; not a manifest or certificate`));
    parts.push(c);
  }
  return Buffer.concat(parts);
}

export function openPackage(file: string, display: string = file): OvfPackage {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) return openFolder(file, display);
  if (path.extname(file).toLowerCase() === '.ovf') return openBeside(file, display);
  return openOva(file, display);
}

function openOva(file: string, display: string): OvfPackage {
  let listing;
  try {
    listing = listTar(file);
  } catch (e) {
    if (e instanceof TarError) throw new UserError(error('ova-unreadable', `${display}: ${e.message}`, { file: display }, 'Copy the OVA again from its source; an OVA is a tar archive.'));
    throw e;
  }
  const problems: Problem[] = [];
  const regular = listing.entries.filter((e) => e.type === '0' || e.type === '\0' || e.type === '7');
  const first = regular[0];
  if (!first) throw new UserError(error('ova-empty', `${display}: the archive holds no file`, { file: display }));
  if (!/\.ovf$/i.test(first.name)) {
    const ovf = regular.find((e) => /\.ovf$/i.test(e.name));
    throw new UserError(
      error(
        'ova-descriptor-not-first',
        `${display}: the first entry of the archive is "${first.name}", not the OVF descriptor` +
          (ovf ? ` ("${ovf.name}" is entry ${regular.indexOf(ovf) + 1})` : ' (no .ovf entry at all)'),
        { file: display },
        'An OVA must start with its .ovf descriptor (DSP0243, "OVF package"); repack it with ovftool or `tar -cf x.ova x.ovf x.mf disks...` in that order.',
      ),
    );
  }
  if (first.size > MAX_DESCRIPTOR_BYTES)
    throw new UserError(error('ovf-descriptor-too-large', `${display}: the descriptor "${first.name}" is ${first.size} bytes; not an OVF descriptor dcplan reads`, { file: display }));
  if (!listing.endMarker) problems.push(warning('ova-no-end-marker', `${display}: the archive has no end-of-archive marker; it may have been cut short`, { file: display }));
  const byName = new Map(regular.slice(1).map((e) => [e.name, e]));
  const files = new Map<string, PackageFile>([...byName].map(([n, e]) => [n, { name: n, size: e.size }]));
  const open = (name: string) => {
    const e = byName.get(name);
    if (!e) throw new Error(`no entry ${name}`);
    return entryStream(file, e);
  };
  return {
    kind: 'ova',
    display,
    descriptorName: first.name,
    files,
    order: regular.map((e) => e.name),
    descriptor: () => entryStream(file, first),
    open,
    readSmall: (name) => collect(open(name), MAX_SMALL_FILE, `${display} › ${name}`),
    problems,
  };
}

function dirPackage(dir: string, descriptorName: string, display: string, kind: 'folder' | 'descriptor'): OvfPackage {
  const files = new Map<string, PackageFile>();
  for (const n of fs.readdirSync(dir).sort()) {
    if (n === descriptorName) continue;
    const st = fs.statSync(path.join(dir, n));
    if (st.isFile()) files.set(n, { name: n, size: st.size });
  }
  const open = (name: string) => fs.createReadStream(path.join(dir, name), { highWaterMark: 1024 * 1024 });
  const descriptorPath = path.join(dir, descriptorName);
  if (fs.statSync(descriptorPath).size > MAX_DESCRIPTOR_BYTES)
    throw new UserError(error('ovf-descriptor-too-large', `${display}: the descriptor is larger than ${MAX_DESCRIPTOR_BYTES} bytes; not an OVF descriptor dcplan reads`, { file: display }));
  return {
    kind,
    display,
    descriptorName,
    files,
    order: [],
    descriptor: () => fs.createReadStream(descriptorPath, { highWaterMark: 256 * 1024 }),
    open,
    readSmall: (name) => collect(open(name), MAX_SMALL_FILE, `${display} › ${name}`),
    problems: [],
  };
}

function openFolder(dir: string, display: string): OvfPackage {
  const ovfs = fs.readdirSync(dir).filter((n) => /\.ovf$/i.test(n)).sort();
  if (ovfs.length === 0) throw new UserError(error('ovf-folder-empty', `${display}: the folder holds no .ovf descriptor`, { file: display }));
  if (ovfs.length > 1)
    throw new UserError(
      error('ovf-folder-several', `${display}: the folder holds ${ovfs.length} descriptors (${ovfs.join(', ')}); name the .ovf file to read`, { file: display }),
    );
  return dirPackage(dir, ovfs[0], display, 'folder');
}

function openBeside(file: string, display: string): OvfPackage {
  return dirPackage(path.dirname(file), path.basename(file), display, 'descriptor');
}

/** The manifest and certificate of a package: `<descriptor base>.mf` / `.cert`, else the only one there. */
export function companions(pkg: OvfPackage): { manifest?: string; cert?: string } {
  const base = pkg.descriptorName.replace(/\.ovf$/i, '');
  const pick = (ext: string) => {
    if (pkg.files.has(`${base}${ext}`)) return `${base}${ext}`;
    // A lone descriptor shares its folder with anything: only its own base name counts there.
    if (pkg.kind === 'descriptor') return undefined;
    const all = [...pkg.files.keys()].filter((n) => n.toLowerCase().endsWith(ext));
    return all.length === 1 ? all[0] : undefined;
  };
  const manifest = pick('.mf');
  const cert = pick('.cert');
  return { ...(manifest ? { manifest } : {}), ...(cert ? { cert } : {}) };
}
