import { OsFamily } from './schema';

/**
 * OS family from the free-text names exports carry: "Microsoft Windows Server 2016 (64-bit)", "Red Hat Enterprise
 * Linux 8 (64-bit)", "CentOS 4/5/6/7 (64-bit)", "Other 2.6.x Linux (64-bit)", "FreeBSD 12", "Oracle Solaris 11",
 * "Ubuntu 22.04", "windowsServer2019" (Azure), "AIX 7.2". Empty → unknown; recognised-but-neither (NetWare, DOS,
 * ESXi, "Other (32-bit)") → other. Used by every collector (RVTools too) so the estate is classified one way.
 */
const RULES: [RegExp, OsFamily][] = [
  [/windows|\bwin(2k|nt|xp|7|8|10|11|20\d\d)|microsoft|hyper-v server/i, 'windows'],
  [/solaris|sunos|freebsd|openbsd|netbsd|\baix\b|hp-?ux|\bunix\b|sco\s|openserver|unixware|mac ?os|darwin|illumos|smartos/i, 'unix'],
  [
    /linux|red ?hat|\brhel|cent ?os|ubuntu|debian|suse|\bsles\b|fedora|rocky|alma|oracle ?linux|\bol\d|amazon ?linux|photon|coreos|flatcar|mint|gentoo|arch ?linux|alpine|mandrake|mandriva|asianux|miracle|turbolinux|kylin|\beuler|clear ?linux|rhcos/i,
    'linux',
  ],
  [/netware|\bdos\b|ms-dos|os\/2|esxi|vmware|other|\bnone\b/i, 'other'],
];

export function osFamily(name: string | undefined): OsFamily {
  const s = (name ?? '').trim();
  if (s === '') return 'unknown';
  for (const [re, family] of RULES) if (re.test(s)) return family;
  return 'other';
}

/** "(64-bit)" / "x64" / "64" → "x64"; "(32-bit)" / "x86" → "x86"; otherwise undefined. */
export function osArch(text: string | undefined): string | undefined {
  const s = (text ?? '').toLowerCase();
  if (/64[- ]?bit|x64|x86_64|amd64|\b64\b|aarch64|arm64/.test(s)) return /aarch64|arm64/.test(s) ? 'arm64' : 'x64';
  if (/32[- ]?bit|x86|i[3-6]86|\b32\b/.test(s)) return 'x86';
  return undefined;
}
