import * as crypto from 'crypto';
import { Problem, error, info, warning } from '../../../diagnostics';
import { OvfPackage } from './package';

/**
 * Package integrity (DSP0243 "Package integrity" / "Package authenticity"): the manifest (`.mf`) lists a digest per
 * file as `SHA1(name)= hex` or `SHA256(name)= hex` (SHA512 too); each is recomputed by streaming the file. The
 * certificate (`.cert`) holds a signature over the manifest, written `SHA256(name.mf)= hex`, and the signer's X.509
 * certificate in PEM; the signature is verified with the certificate's public key. Trust in the signer (a chain to a
 * known authority) cannot be judged offline and is not claimed.
 */

export type ManifestStatus = 'verified' | 'mismatch' | 'incomplete' | 'none';
export type SignatureStatus = 'verified' | 'invalid' | 'unsigned';

export interface CertInfo {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  selfSigned: boolean;
  fingerprint256: string;
}

export interface IntegrityResult {
  manifest: ManifestStatus;
  manifestFile?: string;
  /** Digests checked, by file: algorithm and whether it matched (undefined = file absent). */
  digests: { file: string; algorithm: string; match?: boolean }[];
  signature: SignatureStatus;
  certFile?: string;
  certificate?: CertInfo;
  problems: Problem[];
}

const DIGEST_LINE = /^\s*(SHA1|SHA256|SHA384|SHA512)\s*\((.+)\)\s*=\s*([0-9a-fA-F]+)\s*$/i;
const HEX_LEN: Record<string, number> = { sha1: 40, sha256: 64, sha384: 96, sha512: 128 };

export interface DigestLine {
  algorithm: string;
  file: string;
  hex: string;
  line: number;
}

/** Parses manifest text; lines that are not digest lines are reported. */
export function parseManifest(text: string, where: string): { lines: DigestLine[]; problems: Problem[] } {
  const lines: DigestLine[] = [];
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    const m = DIGEST_LINE.exec(raw);
    const alg = m?.[1].toLowerCase();
    if (!m || !alg || m[3].length !== HEX_LEN[alg]) {
      problems.push(error('manifest-bad-line', `not a digest line "ALG(file)= hex": ${JSON.stringify(raw.slice(0, 120))}`, { file: where, row: i + 1 }));
      return;
    }
    lines.push({ algorithm: alg, file: m[2], hex: m[3].toLowerCase(), line: i + 1 });
  });
  return { lines, problems };
}

async function digestOf(stream: AsyncIterable<Buffer>, algorithm: string): Promise<string> {
  const h = crypto.createHash(algorithm);
  for await (const c of stream) h.update(c);
  return h.digest('hex');
}

export async function checkIntegrity(pkg: OvfPackage, manifestName: string | undefined, certName: string | undefined): Promise<IntegrityResult> {
  const problems: Problem[] = [];
  const out: IntegrityResult = { manifest: 'none', digests: [], signature: 'unsigned', problems };
  const here = (name: string) => `${pkg.display}${pkg.kind === 'ova' || pkg.kind === 'folder' ? ` › ${name}` : ''}`;
  if (!manifestName) {
    problems.push(info('manifest-absent', 'no manifest (.mf): file digests cannot be checked', { file: pkg.display }));
    if (certName) problems.push(error('cert-without-manifest', `a certificate (${certName}) but no manifest for it to sign`, { file: pkg.display }));
    return out;
  }
  out.manifestFile = manifestName;
  const mfBytes = await pkg.readSmall(manifestName);
  const parsed = parseManifest(mfBytes.toString('utf8'), here(manifestName));
  problems.push(...parsed.problems);
  let mismatch = parsed.problems.length > 0;
  let missing = false;
  for (const l of parsed.lines) {
    const isDescriptor = l.file === pkg.descriptorName;
    if (!isDescriptor && !pkg.files.has(l.file)) {
      missing = true;
      out.digests.push({ file: l.file, algorithm: l.algorithm });
      problems.push(
        (pkg.kind === 'descriptor' ? info : error)('manifest-file-absent', `the manifest lists "${l.file}", which is not ${pkg.kind === 'ova' ? 'in the archive' : 'beside the descriptor'}; its digest is not checked`, {
          file: here(manifestName),
          row: l.line,
        }),
      );
      continue;
    }
    const actual = await digestOf(isDescriptor ? pkg.descriptor() : pkg.open(l.file), l.algorithm);
    const match = actual === l.hex;
    out.digests.push({ file: l.file, algorithm: l.algorithm, match });
    if (!match) {
      mismatch = true;
      problems.push(
        error('manifest-digest-mismatch', `${l.algorithm.toUpperCase()} of "${l.file}" is ${actual}, the manifest says ${l.hex}: the file was changed or damaged`, {
          file: here(manifestName),
          row: l.line,
        }),
      );
    }
  }
  const listed = new Set(parsed.lines.map((l) => l.file));
  for (const f of [pkg.descriptorName, ...(pkg.kind === 'descriptor' ? [] : pkg.files.keys())])
    if (!listed.has(f) && f !== manifestName && f !== certName)
      problems.push(warning('manifest-file-unlisted', `"${f}" is in the package but not in the manifest: its integrity is not covered`, { file: here(manifestName) }));
  out.manifest = mismatch ? 'mismatch' : missing ? 'incomplete' : 'verified';
  if (certName) verifyCertificate(await pkg.readSmall(certName), mfBytes, manifestName, here(certName), out);
  else problems.push(info('package-unsigned', 'unsigned: the package has no certificate (.cert)', { file: pkg.display }));
  return out;
}

function verifyCertificate(certBytes: Buffer, mfBytes: Buffer, manifestName: string, where: string, out: IntegrityResult): void {
  out.certFile = where;
  out.signature = 'invalid';
  const text = certBytes.toString('utf8');
  const sigLine = text.split(/\r?\n/).map((l) => DIGEST_LINE.exec(l)).find((m) => m);
  const pem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
  if (!sigLine || !pem) {
    out.problems.push(
      error('cert-unreadable', `the certificate file does not hold ${!sigLine ? 'a signature line "ALG(manifest.mf)= hex"' : 'a PEM certificate'}`, { file: where }),
    );
    return;
  }
  if (sigLine[2] !== manifestName)
    out.problems.push(warning('cert-names-other-manifest', `the signature is over "${sigLine[2]}", but the manifest is "${manifestName}"`, { file: where }));
  let cert: crypto.X509Certificate;
  try {
    cert = new crypto.X509Certificate(pem);
  } catch (e) {
    out.problems.push(error('cert-unreadable', `the PEM certificate cannot be parsed (${(e as Error).message})`, { file: where }));
    return;
  }
  out.certificate = {
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: new Date(cert.validTo).toISOString(),
    selfSigned: cert.subject === cert.issuer,
    fingerprint256: cert.fingerprint256,
  };
  let ok: boolean;
  try {
    ok = crypto.verify(sigLine[1].toLowerCase(), mfBytes, cert.publicKey, Buffer.from(sigLine[3], 'hex'));
  } catch (e) {
    out.problems.push(error('cert-signature-invalid', `the signature cannot be checked (${(e as Error).message})`, { file: where }));
    return;
  }
  if (!ok) {
    out.problems.push(error('cert-signature-invalid', 'the signature does not match the manifest: the manifest was changed after signing, or signed with another key', { file: where }));
    return;
  }
  out.signature = 'verified';
  out.problems.push(
    info(
      'cert-signature-verified',
      `signature over the manifest verified with the certificate of ${out.certificate.subject}${out.certificate.selfSigned ? ' (self-signed)' : `, issued by ${out.certificate.issuer}`}; trust in the signer is not checked offline`,
      { file: where },
    ),
  );
}
