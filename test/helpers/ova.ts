import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Test helpers: a minimal ustar writer and OVF package builders (tests make their own packages, nothing copied). */

function header(name: string, size: number, type = '0'): Buffer {
  const h = Buffer.alloc(512, 0);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(size.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
  h.write('00000000000\0', 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
  return h;
}

/** A tar archive of the entries, in order, with the end-of-archive marker. */
export function tar(entries: { name: string; data: Buffer | string }[], opts: { endMarker?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const data = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data);
    parts.push(header(e.name, data.length), data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  if (opts.endMarker !== false) parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

export function tmpDir(prefix = 'dcplan-ovf-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const sha = (alg: 'sha1' | 'sha256', data: Buffer | string) => crypto.createHash(alg).update(data).digest('hex');

export function manifest(alg: 'sha1' | 'sha256', files: { name: string; data: Buffer | string }[]): string {
  return files.map((f) => `${alg.toUpperCase()}(${f.name})= ${sha(alg, f.data)}\n`).join('');
}

/** A self-signed test certificate and key made with node:crypto's key pair and openssl's x509 (`openssl req`). */
export function testSigner(dir: string): { keyPem: string; certPem: string } {
  const key = path.join(dir, 'signer.key');
  const cert = path.join(dir, 'signer.crt');
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  fs.writeFileSync(key, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  execFileSync('openssl', ['req', '-new', '-x509', '-key', key, '-out', cert, '-days', '3650', '-subj', '/CN=dcplan test signer/O=Test Appliances'], { stdio: 'ignore' });
  return { keyPem: fs.readFileSync(key, 'utf8'), certPem: fs.readFileSync(cert, 'utf8') };
}

/** The `.cert` file of a package: the signature over the manifest, then the signer's certificate. */
export function certFile(mfName: string, mf: string, signer: { keyPem: string; certPem: string }): string {
  const sig = crypto.sign('sha256', Buffer.from(mf), signer.keyPem).toString('hex');
  return `SHA256(${mfName})= ${sig}\n${signer.certPem}`;
}

/** A one-VM OVF 1.x descriptor with a disk of `diskBytes` in file `disk.vmdk` of `fileSize` bytes, and two options. */
export function oneVmDescriptor(fileSize: number, opts: { diskGib?: number; firmware?: 'efi' | 'bios'; hw?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Envelope xmlns="http://schemas.dmtf.org/ovf/envelope/1" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/1"
  xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData"
  xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData"
  xmlns:vmw="http://www.vmware.com/schema/ovf">
  <References><File ovf:href="disk.vmdk" ovf:id="file1" ovf:size="${fileSize}"/></References>
  <DiskSection><Info>disks</Info>
    <Disk ovf:capacity="${opts.diskGib ?? 20}" ovf:capacityAllocationUnits="byte * 2^30" ovf:diskId="vmdisk1" ovf:fileRef="file1"
      ovf:format="http://www.vmware.com/interfaces/specifications/vmdk.html#streamOptimized" ovf:populatedSize="1073741824"/>
  </DiskSection>
  <NetworkSection><Info>networks</Info><Network ovf:name="mgmt"><Description>management</Description></Network></NetworkSection>
  <DeploymentOptionSection><Info>sizes</Info>
    <Configuration ovf:id="small" ovf:default="true"><Label>Small</Label><Description>2 vCPU 4 GB</Description></Configuration>
    <Configuration ovf:id="large"><Label>Large</Label><Description>8 vCPU 16 GB</Description></Configuration>
  </DeploymentOptionSection>
  <VirtualSystem ovf:id="proxy-1">
    <Info>A backup proxy</Info>
    <Name>backup-proxy</Name>
    <ProductSection><Info>product</Info><Product>Backup Proxy</Product><Vendor>Example Corp</Vendor><Version>12.1</Version></ProductSection>
    <OperatingSystemSection ovf:id="101"><Info>os</Info><Description>Linux 64-bit</Description></OperatingSystemSection>
    <VirtualHardwareSection><Info>hw</Info>
      <System><vssd:ElementName>Virtual Hardware Family</vssd:ElementName><vssd:InstanceID>0</vssd:InstanceID><vssd:VirtualSystemType>${opts.hw ?? 'vmx-13'}</vssd:VirtualSystemType></System>
      <Item><rasd:AllocationUnits>hertz * 10^6</rasd:AllocationUnits><rasd:ElementName>2 CPU</rasd:ElementName><rasd:InstanceID>1</rasd:InstanceID><rasd:ResourceType>3</rasd:ResourceType><rasd:VirtualQuantity>2</rasd:VirtualQuantity></Item>
      <Item ovf:configuration="large"><rasd:AllocationUnits>hertz * 10^6</rasd:AllocationUnits><rasd:ElementName>8 CPU</rasd:ElementName><rasd:InstanceID>1</rasd:InstanceID><rasd:ResourceType>3</rasd:ResourceType><rasd:VirtualQuantity>8</rasd:VirtualQuantity></Item>
      <Item><rasd:AllocationUnits>byte * 2^20</rasd:AllocationUnits><rasd:ElementName>4 GB</rasd:ElementName><rasd:InstanceID>2</rasd:InstanceID><rasd:ResourceType>4</rasd:ResourceType><rasd:VirtualQuantity>4096</rasd:VirtualQuantity></Item>
      <Item ovf:configuration="large"><rasd:AllocationUnits>byte * 2^30</rasd:AllocationUnits><rasd:ElementName>16 GB</rasd:ElementName><rasd:InstanceID>2</rasd:InstanceID><rasd:ResourceType>4</rasd:ResourceType><rasd:VirtualQuantity>16</rasd:VirtualQuantity></Item>
      <Item><rasd:ElementName>SCSI</rasd:ElementName><rasd:InstanceID>3</rasd:InstanceID><rasd:ResourceSubType>lsilogic</rasd:ResourceSubType><rasd:ResourceType>6</rasd:ResourceType></Item>
      <Item><rasd:ElementName>disk 1</rasd:ElementName><rasd:HostResource>ovf:/disk/vmdisk1</rasd:HostResource><rasd:InstanceID>4</rasd:InstanceID><rasd:Parent>3</rasd:Parent><rasd:ResourceType>17</rasd:ResourceType></Item>
      <Item><rasd:Connection>mgmt</rasd:Connection><rasd:ElementName>nic 1</rasd:ElementName><rasd:InstanceID>5</rasd:InstanceID><rasd:ResourceType>10</rasd:ResourceType></Item>
      ${opts.firmware ? `<vmw:Config ovf:required="false" vmw:key="firmware" vmw:value="${opts.firmware}"/>` : ''}
    </VirtualHardwareSection>
  </VirtualSystem>
</Envelope>
`;
}

/** An OVF 2.0 vApp: a VirtualSystemCollection of a database and two web servers. */
export function vAppDescriptor(): string {
  const vs = (id: string, cpus: number, memGib: number, disk: string) => `
    <VirtualSystem ovf:id="${id}"><Info>vm</Info><Name>${id}</Name>
      <OperatingSystemSection ovf:id="80"><Info>os</Info></OperatingSystemSection>
      <VirtualHardwareSection><Info>hw</Info>
        <System><vssd:InstanceID>0</vssd:InstanceID><vssd:VirtualSystemType>vmx-19</vssd:VirtualSystemType></System>
        <Item><rasd:InstanceID>1</rasd:InstanceID><rasd:ResourceType>3</rasd:ResourceType><rasd:VirtualQuantity>${cpus}</rasd:VirtualQuantity></Item>
        <Item><rasd:AllocationUnits>byte * 2^30</rasd:AllocationUnits><rasd:InstanceID>2</rasd:InstanceID><rasd:ResourceType>4</rasd:ResourceType><rasd:VirtualQuantity>${memGib}</rasd:VirtualQuantity></Item>
        <Item><rasd:InstanceID>3</rasd:InstanceID><rasd:ResourceType>20</rasd:ResourceType></Item>
        <StorageItem><sasd:HostResource>ovf:/disk/${disk}</sasd:HostResource><sasd:InstanceID>4</sasd:InstanceID><sasd:Parent>3</sasd:Parent><sasd:ResourceType>17</sasd:ResourceType></StorageItem>
        <EthernetPortItem><epasd:Connection>app</epasd:Connection><epasd:InstanceID>5</epasd:InstanceID><epasd:ResourceType>10</epasd:ResourceType></EthernetPortItem>
      </VirtualHardwareSection>
    </VirtualSystem>`;
  return `<?xml version="1.0"?>
<Envelope ovf:version="2.0" xmlns="http://schemas.dmtf.org/ovf/envelope/2" xmlns:ovf="http://schemas.dmtf.org/ovf/envelope/2"
  xmlns:rasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData"
  xmlns:vssd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData"
  xmlns:sasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_StorageAllocationSettingData.xsd"
  xmlns:epasd="http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_EthernetPortAllocationSettingData.xsd">
  <References/>
  <DiskSection><Info>disks</Info>
    <Disk ovf:capacity="100" ovf:capacityAllocationUnits="byte * 2^30" ovf:diskId="db"/>
    <Disk ovf:capacity="\${web.disk}" ovf:capacityAllocationUnits="byte * 2^30" ovf:diskId="web1"/>
    <Disk ovf:capacity="\${web.disk}" ovf:capacityAllocationUnits="byte * 2^30" ovf:diskId="web2"/>
  </DiskSection>
  <NetworkSection><Info>nets</Info><Network ovf:name="app"/></NetworkSection>
  <VirtualSystemCollection ovf:id="shop"><Info>a vApp</Info><Name>Web shop</Name>
    <ProductSection><Info>p</Info><Product>Web Shop</Product><Vendor>Example Corp</Vendor><Version>3.0</Version>
      <Property ovf:key="web.disk" ovf:type="int" ovf:value="30"/></ProductSection>
    ${vs('db', 4, 16, 'db')}
    ${vs('web1', 2, 4, 'web1')}
    ${vs('web2', 2, 4, 'web2')}
  </VirtualSystemCollection>
</Envelope>
`;
}
