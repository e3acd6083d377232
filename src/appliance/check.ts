import { Problem } from '../diagnostics';
import { CertInfo, ManifestStatus, SignatureStatus } from '../collect/collectors/ovf/integrity';
import { readAppliance } from '../collect/collectors/ovf/read';
import { defaultOption, sizeOf } from '../collect/collectors/ovf/sizing';

/**
 * `dcplan appliance check`: one OVF / OVA package validated (see collect/collectors/ovf: validate.ts, integrity.ts)
 * and summarised. Status `valid` = no error or warning, `findings` = at least one. A file that cannot be opened as a
 * package (missing, not a tar, truncated, descriptor not first) throws UserError (exit 2) before any of this.
 */

export interface ApplianceSystemSummary {
  id: string;
  name: string;
  vcpus?: number;
  memoryMib?: number;
  diskGib: number;
  nics: number;
  hardwareFamily: string[];
  firmware?: 'bios' | 'efi';
  group?: string;
}

export interface ApplianceCheckResult {
  file: string;
  packageKind: 'ova' | 'folder' | 'descriptor';
  descriptor: string;
  ovfVersion?: string;
  status: 'valid' | 'findings';
  /** The option the systems are sized by (the default), and every option declared. */
  option?: string;
  options: { id: string; label?: string; default: boolean }[];
  systems: ApplianceSystemSummary[];
  manifest: ManifestStatus;
  digests: { file: string; algorithm: string; match?: boolean }[];
  signature: SignatureStatus;
  certificate?: CertInfo;
  /** Errors and warnings. */
  findings: Problem[];
  /** Informational notes (unsigned, files not beside a lone descriptor, option chosen, ...). */
  notes: Problem[];
}

export async function checkAppliance(file: string, display: string = file, asOf?: string): Promise<ApplianceCheckResult> {
  const read = await readAppliance(file, display, asOf ? { asOf } : {});
  const d = read.descriptor;
  const option = d ? defaultOption(d) : undefined;
  const findings = read.problems.filter((p) => p.severity !== 'info');
  return {
    file: display,
    packageKind: read.pkg.kind,
    descriptor: read.pkg.descriptorName,
    ...(d ? { ovfVersion: d.version } : {}),
    status: findings.length > 0 ? 'findings' : 'valid',
    ...(option ? { option } : {}),
    options: (d?.options ?? []).map((o) => ({ id: o.id, ...(o.label ? { label: o.label } : {}), default: o.id === option })),
    systems: (d?.systems ?? []).map((s) => {
      const z = sizeOf(s, d!, option);
      return {
        id: s.id,
        name: s.name,
        ...(z.vcpus !== undefined ? { vcpus: z.vcpus } : {}),
        ...(z.memoryMib !== undefined ? { memoryMib: z.memoryMib } : {}),
        diskGib: Math.round(z.diskGib * 1000) / 1000,
        nics: z.nics,
        hardwareFamily: s.hardwareFamilies,
        ...(s.firmware ? { firmware: s.firmware } : {}),
        ...(s.collections[0] ? { group: s.collections[0] } : {}),
      };
    }),
    manifest: read.integrity?.manifest ?? 'none',
    digests: read.integrity?.digests ?? [],
    signature: read.integrity?.signature ?? 'unsigned',
    ...(read.integrity?.certificate ? { certificate: read.integrity.certificate } : {}),
    findings,
    notes: read.problems.filter((p) => p.severity === 'info'),
  };
}

const MANIFEST_TEXT: Record<ManifestStatus, string> = {
  verified: 'every digest matches',
  mismatch: 'DIGEST MISMATCH',
  incomplete: 'digests match for the files present; some listed files are absent',
  none: 'no manifest',
};

const KIND_TEXT: Record<ApplianceCheckResult['packageKind'], string> = {
  ova: 'OVA with descriptor',
  folder: 'folder with descriptor',
  descriptor: 'descriptor alone:',
};

export function renderApplianceCheck(r: ApplianceCheckResult): string {
  const gib = (mib?: number) => (mib === undefined ? '?' : `${Math.round((mib / 1024) * 10) / 10} GiB`);
  const lines = [
    `${r.file}: ${r.status === 'valid' ? 'VALID' : `${r.findings.length} FINDING(S)`} (${KIND_TEXT[r.packageKind]} ${r.descriptor}${r.ovfVersion ? `, OVF ${r.ovfVersion}` : ''})`,
  ];
  if (r.options.length > 0) lines.push(`  deployment options: ${r.options.map((o) => `${o.id}${o.default ? ' (default)' : ''}`).join(', ')}`);
  for (const s of r.systems)
    lines.push(
      `  ${s.name}: ${s.vcpus ?? '?'} vCPU, ${gib(s.memoryMib)} memory, ${s.diskGib} GiB disk, ${s.nics} NIC(s)` +
        `${s.hardwareFamily.length ? `, ${s.hardwareFamily.join(' ')}` : ''}${s.firmware ? `, ${s.firmware.toUpperCase()}` : ''}${s.group ? `, in collection ${s.group}` : ''}`,
    );
  lines.push(`  manifest: ${MANIFEST_TEXT[r.manifest]}${r.digests.length ? ` (${r.digests.filter((x) => x.match).length}/${r.digests.length} digests verified)` : ''}`);
  lines.push(
    `  signature: ${r.signature === 'unsigned' ? 'unsigned' : r.signature === 'verified' ? `verified, signed by ${r.certificate?.subject}${r.certificate?.selfSigned ? ' (self-signed)' : ''}` : 'INVALID'}`,
  );
  return lines.join('\n');
}
