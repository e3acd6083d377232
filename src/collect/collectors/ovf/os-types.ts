import { OsFamily } from '../../../inventory/schema';

/**
 * OperatingSystemSection `ovf:id`: the CIM_OperatingSystem.OSType value map (DMTF CIM Schema, CIM_OperatingSystem,
 * property OSType; the OVF specification DSP0243 section "OperatingSystemSection" names it as the source of the id).
 * Only the values an appliance plausibly carries are named; others read as "CIM OS type N".
 */
const CIM_OS: Record<number, [string, OsFamily]> = {
  0: ['Unknown', 'unknown'],
  1: ['Other', 'other'],
  2: ['MacOS', 'other'],
  3: ['ATTUNIX', 'unix'],
  6: ['Tru64 UNIX', 'unix'],
  7: ['OpenVMS', 'other'],
  8: ['HP-UX', 'unix'],
  9: ['AIX', 'unix'],
  14: ['MS-DOS', 'other'],
  18: ['Windows NT', 'windows'],
  21: ['NetWare', 'other'],
  25: ['SCO UnixWare', 'unix'],
  26: ['SCO OpenServer', 'unix'],
  29: ['Solaris', 'unix'],
  30: ['SunOS', 'unix'],
  36: ['Linux', 'linux'],
  41: ['BSD UNIX', 'unix'],
  42: ['FreeBSD', 'unix'],
  43: ['NetBSD', 'unix'],
  48: ['QNX', 'other'],
  51: ['VxWorks', 'other'],
  58: ['Windows 2000', 'windows'],
  65: ['OpenBSD', 'unix'],
  66: ['Not Applicable', 'other'],
  67: ['Windows XP', 'windows'],
  69: ['Microsoft Windows Server 2003', 'windows'],
  70: ['Microsoft Windows Server 2003 64-Bit', 'windows'],
  71: ['Windows XP 64-Bit', 'windows'],
  73: ['Windows Vista', 'windows'],
  74: ['Windows Vista 64-Bit', 'windows'],
  76: ['Microsoft Windows Server 2008', 'windows'],
  77: ['Microsoft Windows Server 2008 64-Bit', 'windows'],
  78: ['FreeBSD 64-Bit', 'unix'],
  79: ['RedHat Enterprise Linux', 'linux'],
  80: ['RedHat Enterprise Linux 64-Bit', 'linux'],
  81: ['Solaris 64-Bit', 'unix'],
  82: ['SUSE', 'linux'],
  83: ['SUSE 64-Bit', 'linux'],
  84: ['SLES', 'linux'],
  85: ['SLES 64-Bit', 'linux'],
  86: ['Novell OES', 'linux'],
  89: ['Mandriva', 'linux'],
  90: ['Mandriva 64-Bit', 'linux'],
  91: ['TurboLinux', 'linux'],
  92: ['TurboLinux 64-Bit', 'linux'],
  93: ['Ubuntu', 'linux'],
  94: ['Ubuntu 64-Bit', 'linux'],
  95: ['Debian', 'linux'],
  96: ['Debian 64-Bit', 'linux'],
  97: ['Linux 2.4.x', 'linux'],
  98: ['Linux 2.4.x 64-Bit', 'linux'],
  99: ['Linux 2.6.x', 'linux'],
  100: ['Linux 2.6.x 64-Bit', 'linux'],
  101: ['Linux 64-Bit', 'linux'],
  102: ['Other 64-Bit', 'other'],
  103: ['Microsoft Windows Server 2008 R2', 'windows'],
  104: ['VMware ESXi', 'other'],
  105: ['Microsoft Windows 7', 'windows'],
  106: ['CentOS 32-bit', 'linux'],
  107: ['CentOS 64-bit', 'linux'],
  108: ['Oracle Linux 32-bit', 'linux'],
  109: ['Oracle Linux 64-bit', 'linux'],
  111: ['Microsoft Windows Server 2011', 'windows'],
  112: ['Microsoft Windows Server 2012', 'windows'],
  113: ['Microsoft Windows 8', 'windows'],
  114: ['Microsoft Windows 8 64-bit', 'windows'],
  115: ['Microsoft Windows Server 2012 R2', 'windows'],
  116: ['Microsoft Windows Server 2016', 'windows'],
  117: ['Microsoft Windows 8.1', 'windows'],
  118: ['Microsoft Windows 8.1 64-bit', 'windows'],
  119: ['Microsoft Windows 10', 'windows'],
  120: ['Microsoft Windows 10 64-bit', 'windows'],
  121: ['Microsoft Windows Server 2019', 'windows'],
  122: ['Microsoft Windows 11 64-bit', 'windows'],
  123: ['Microsoft Windows Server 2022', 'windows'],
};

/** Guest OS from the CIM id, refined by the description or VMware's `vmw:osType` when the id is generic. */
export function guestOs(id: number | undefined, description?: string, vmwOsType?: string): { family: OsFamily; name?: string } {
  const known = id !== undefined ? CIM_OS[id] : undefined;
  let family: OsFamily = known?.[1] ?? 'unknown';
  const hint = `${description ?? ''} ${vmwOsType ?? ''}`.toLowerCase();
  if (family === 'unknown' || family === 'other') {
    if (/windows|win\d|winnet|winlonghorn/.test(hint)) family = 'windows';
    else if (/linux|rhel|centos|ubuntu|debian|sles|suse|oracle|photon|alma|rocky/.test(hint)) family = 'linux';
    else if (/solaris|freebsd|bsd|aix|hp-?ux/.test(hint)) family = 'unix';
  }
  const name = known && id !== 0 && id !== 1 && id !== 102 ? known[0] : description?.trim() || vmwOsType || (id !== undefined ? `CIM OS type ${id}` : undefined);
  return name ? { family, name } : { family };
}
