import { Problem, UserError, error, warning } from '../../../diagnostics';
import { readEnvelope } from './envelope';
import { checkIntegrity, IntegrityResult } from './integrity';
import { OvfDescriptor } from './model';
import { companions, openPackage, OvfPackage } from './package';
import { validateDescriptor, validateReferences } from './validate';
import { parseXml, XmlError } from './xml';

/** One appliance package read and checked: what `collect` turns into workloads and `appliance check` reports. */
export interface ApplianceRead {
  pkg: OvfPackage;
  /** Absent when the descriptor is not well-formed XML or not an OVF envelope (see problems). */
  descriptor?: OvfDescriptor;
  integrity?: IntegrityResult;
  /** Everything found, in check order. */
  problems: Problem[];
}

export interface ReadOptions {
  /** ISO date a certificate's validity is judged on (absent: not judged). */
  asOf?: string;
}

/** Opens and checks a package. Throws UserError only when the file cannot be opened as a package at all. */
export async function readAppliance(file: string, display: string, options: ReadOptions = {}): Promise<ApplianceRead> {
  const pkg = openPackage(file, display);
  const problems: Problem[] = [...pkg.problems];
  const where = pkg.kind === 'descriptor' ? display : `${display} › ${pkg.descriptorName}`;
  let root;
  try {
    root = await parseXml(pkg.descriptor());
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    const pos = e.line !== undefined ? ` (line ${e.line}, column ${e.column})` : '';
    problems.push(
      error('ovf-xml', `the descriptor is not well-formed XML${pos}: ${e.message}`, { file: where, ...(e.line !== undefined ? { row: e.line, column: `col ${e.column}` } : {}) }),
    );
    return { pkg, problems };
  }
  const env = readEnvelope(root, where);
  problems.push(...env.problems);
  if (!env.descriptor) return { pkg, problems };
  const d = env.descriptor;
  problems.push(...validateDescriptor(d, where));
  const { manifest, cert } = companions(pkg);
  problems.push(...validateReferences(d, pkg, [manifest, cert].filter((x): x is string => x !== undefined)));
  const integrity = await checkIntegrity(pkg, manifest, cert);
  problems.push(...integrity.problems);
  const c = integrity.certificate;
  if (c && options.asOf && (options.asOf < c.validFrom.slice(0, 10) || options.asOf > c.validTo.slice(0, 10)))
    problems.push(
      warning('cert-not-valid-on-date', `the signing certificate is valid ${c.validFrom.slice(0, 10)} to ${c.validTo.slice(0, 10)}, not on ${options.asOf}`, {
        file: integrity.certFile,
      }),
    );
  return { pkg, descriptor: d, integrity, problems };
}

/** Findings that make a package invalid or doubtful (errors and warnings; infos are notes). */
export function findingsOf(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity !== 'info');
}

export function assertOpenable(file: string, display: string): void {
  try {
    openPackage(file, display);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(error('file-unreadable', `Cannot read ${display}: ${(e as Error).message}`, { file: display }));
  }
}
