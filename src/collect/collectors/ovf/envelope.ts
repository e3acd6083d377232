import { Problem, error, warning } from '../../../diagnostics';
import { OvfCollection, OvfDescriptor, OvfDisk, OvfItem, OvfProduct, OvfSystem, OvfVersion } from './model';
import { attr, kid, kids, kidText, XmlElement } from './xml';
import { toBytes } from './units';

/**
 * Reads the envelope tree into the descriptor model. Namespaces (DSP0243):
 *  - OVF 0.9 (pre-standard, VMware): http://www.vmware.com/schema/ovf/1/envelope, sections as `Section xsi:type=...`;
 *  - OVF 1.x: http://schemas.dmtf.org/ovf/envelope/1;  OVF 2.x: http://schemas.dmtf.org/ovf/envelope/2.
 * Any other envelope namespace is an error (e.g. a claimed `envelope/3`, which no DMTF version defines).
 */

export const OVF_NAMESPACES: Record<string, OvfVersion> = {
  'http://www.vmware.com/schema/ovf/1/envelope': '0.9',
  'http://schemas.dmtf.org/ovf/envelope/1': '1.x',
  'http://schemas.dmtf.org/ovf/envelope/2': '2.x',
};
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface ReadResult {
  descriptor?: OvfDescriptor;
  problems: Problem[];
}

/** The section name of an element: its local name, or for OVF 0.9 `Section`/`Content` its xsi:type without `_Type`. */
export function sectionName(el: XmlElement): string {
  if (el.local === 'Section' || el.local === 'Content') {
    const t = el.attrs.find((a) => a.uri === XSI && a.local === 'type')?.value;
    if (t) return t.replace(/^.*:/, '').replace(/_Type$/, '');
  }
  return el.local;
}

const sections = (el: XmlElement, name: string) => el.children.filter((c) => sectionName(c) === name);

export function readEnvelope(root: XmlElement, file: string): ReadResult {
  const problems: Problem[] = [];
  const at = (el: XmlElement) => ({ file, row: el.line });
  if (root.local !== 'Envelope') {
    problems.push(error('ovf-not-envelope', `the root element is <${root.local}>, not an OVF <Envelope>`, at(root)));
    return { problems };
  }
  const version = OVF_NAMESPACES[root.uri];
  if (!version) {
    problems.push(
      error(
        'ovf-unknown-version',
        `the envelope namespace "${root.uri || '(none)'}" is not an OVF version dcplan knows (0.9, 1.x, 2.x)` +
          (/ovf\/envelope\/(\d+)/.exec(root.uri) ? `; DMTF has published no OVF ${/ovf\/envelope\/(\d+)/.exec(root.uri)![1]}.x` : ''),
        at(root),
        'Export the appliance again with a tool that writes OVF 1.x or 2.x.',
      ),
    );
    return { problems };
  }
  const ovfNs = root.uri;
  const a = (el: XmlElement, name: string) => attr(el, name, ovfNs);
  const declared = a(root, 'version');
  if (declared && version === '1.x' && !/^1(\.|$)/.test(declared))
    problems.push(warning('ovf-version-mismatch', `ovf:version="${declared}" but the namespace is OVF 1.x`, at(root)));
  if (declared && version === '2.x' && !/^2(\.|$)/.test(declared))
    problems.push(warning('ovf-version-mismatch', `ovf:version="${declared}" but the namespace is OVF 2.x`, at(root)));

  const d: OvfDescriptor = { version, namespace: ovfNs, files: [], disks: [], networks: [], options: [], systems: [], collections: [], sections: root.children.map(sectionName) };
  const refs = sections(root, 'References')[0];
  for (const f of refs ? kids(refs, 'File') : []) {
    const size = a(f, 'size');
    const chunk = a(f, 'chunkSize');
    d.files.push({
      id: a(f, 'id') ?? '',
      href: a(f, 'href') ?? '',
      ...(size !== undefined && /^\d+$/.test(size) ? { size: Number(size) } : {}),
      ...(a(f, 'compression') ? { compression: a(f, 'compression') } : {}),
      ...(chunk !== undefined && /^\d+$/.test(chunk) ? { chunkSize: Number(chunk) } : {}),
      line: f.line,
    });
    if (size !== undefined && !/^\d+$/.test(size)) problems.push(error('ovf-bad-size', `File "${a(f, 'href')}" has ovf:size="${size}", not a byte count`, at(f)));
  }
  for (const ds of sections(root, 'DiskSection'))
    for (const k of kids(ds, 'Disk')) {
      const disk: OvfDisk = { diskId: a(k, 'diskId') ?? '', capacity: a(k, 'capacity') ?? '', line: k.line };
      const fileRef = a(k, 'fileRef');
      if (fileRef) disk.fileRef = fileRef;
      const units = a(k, 'capacityAllocationUnits');
      if (units) disk.capacityUnits = units;
      const pop = a(k, 'populatedSize');
      if (pop && /^\d+$/.test(pop)) disk.populatedBytes = Number(pop);
      const fmt = a(k, 'format');
      if (fmt) disk.format = fmt;
      d.disks.push(disk);
    }
  for (const ns of sections(root, 'NetworkSection')) for (const n of kids(ns, 'Network')) d.networks.push(a(n, 'name') ?? '');
  for (const dos of sections(root, 'DeploymentOptionSection'))
    for (const c of kids(dos, 'Configuration'))
      d.options.push({
        id: a(c, 'id') ?? '',
        ...(kidText(c, 'Label') ? { label: kidText(c, 'Label') } : {}),
        ...(kidText(c, 'Description') ? { description: kidText(c, 'Description') } : {}),
        default: a(c, 'default') === 'true' || a(c, 'default') === '1',
        line: c.line,
      });

  const content = root.children.filter((c) => ['VirtualSystem', 'VirtualSystemCollection'].includes(sectionName(c)));
  if (content.length === 0)
    problems.push(error('ovf-no-content', 'the envelope holds no VirtualSystem or VirtualSystemCollection', at(root)));
  if (content.length > 1)
    problems.push(warning('ovf-several-contents', `the envelope holds ${content.length} top-level content elements; OVF allows one`, at(content[1])));
  for (const c of content) readContent(c, [], d, a);

  // Disk capacities: a number in capacityAllocationUnits (default byte), or a ${property} from a ProductSection.
  const props: Record<string, string> = {};
  for (const p of [...d.systems.flatMap((s) => s.products), ...d.collections.flatMap((c) => c.products)]) Object.assign(props, p.properties);
  for (const disk of d.disks) {
    let cap = disk.capacity.trim();
    const ref = /^\$\{(.+)\}$/.exec(cap);
    if (ref) cap = (props[ref[1]] ?? '').trim();
    const bytes = /^\d+(\.\d+)?$/.test(cap) ? toBytes(Number(cap), disk.capacityUnits, 'byte') : undefined;
    if (bytes !== undefined) disk.capacityBytes = bytes;
  }
  return { descriptor: d, problems };
}

type AttrOf = (el: XmlElement, name: string) => string | undefined;

function readContent(el: XmlElement, path: string[], d: OvfDescriptor, a: AttrOf): void {
  const id = a(el, 'id') ?? '';
  const name = kidText(el, 'Name') ?? id;
  const products = sections(el, 'ProductSection').map((p) => readProduct(p, a));
  if (sectionName(el) === 'VirtualSystemCollection') {
    const coll: OvfCollection = { id, name, members: [], products, line: el.line };
    d.collections.push(coll);
    const inner = el.children.filter((c) => ['VirtualSystem', 'VirtualSystemCollection'].includes(sectionName(c)));
    const before = d.systems.length;
    for (const c of inner) readContent(c, [...path, id], d, a);
    coll.members = d.systems.slice(before).map((s) => s.id);
    return;
  }
  const hw = sections(el, 'VirtualHardwareSection');
  const osEl = sections(el, 'OperatingSystemSection')[0];
  const sys: OvfSystem = {
    id,
    name,
    collections: path,
    hardwareFamilies: hw.flatMap((h) => {
      const sysEl = kid(h, 'System');
      const t = sysEl ? kidText(sysEl, 'VirtualSystemType') : undefined;
      return t ? t.split(/\s+/).filter(Boolean) : [];
    }),
    items: hw[0] ? readItems(hw[0], a) : [],
    hardwareSections: hw.length,
    products,
    line: el.line,
  };
  if (osEl) {
    const osId = a(osEl, 'id');
    sys.os = { line: osEl.line };
    if (osId !== undefined && /^\d+$/.test(osId)) sys.os.id = Number(osId);
    const desc = kidText(osEl, 'Description');
    if (desc) sys.os.description = desc;
    const ver = a(osEl, 'version');
    if (ver) sys.os.version = ver;
    const vmw = osEl.attrs.find((x) => x.local === 'osType')?.value ?? kidText(osEl, 'OSType');
    if (vmw) sys.os.vmwOsType = vmw;
  }
  readFirmware(el, hw, sys);
  d.systems.push(sys);
}

/** Firmware, Secure Boot and vTPM from VMware's `vmw:Config` keys and VirtualBox's machine section. */
function readFirmware(vs: XmlElement, hw: XmlElement[], sys: OvfSystem): void {
  for (const h of hw)
    for (const c of kids(h, 'Config')) {
      const key = c.attrs.find((x) => x.local === 'key')?.value;
      const value = c.attrs.find((x) => x.local === 'value')?.value?.toLowerCase();
      if (key === 'firmware' && (value === 'efi' || value === 'bios')) sys.firmware = value;
      if (key === 'uefi.secureBoot.enabled') sys.secureBoot = value === 'true';
    }
  const vbox = kid(vs, 'Machine');
  const vboxFw = vbox ? kid(kid(vbox, 'Hardware') ?? vbox, 'Firmware') : undefined;
  const fwType = vboxFw?.attrs.find((x) => x.local === 'type')?.value?.toLowerCase();
  if (!sys.firmware && fwType) sys.firmware = fwType.startsWith('efi') ? 'efi' : 'bios';
  if (sys.items.some((i) => /vtpm|tpm/i.test(i.resourceSubType ?? ''))) sys.vtpm = true;
}

function readProduct(p: XmlElement, a: AttrOf): OvfProduct {
  const out: OvfProduct = { properties: {} };
  const set = (k: keyof Omit<OvfProduct, 'properties'>, local: string) => {
    const v = kidText(p, local);
    if (v) out[k] = v;
  };
  set('product', 'Product');
  set('vendor', 'Vendor');
  set('version', 'Version');
  set('fullVersion', 'FullVersion');
  set('productUrl', 'ProductUrl');
  set('vendorUrl', 'VendorUrl');
  const cls = a(p, 'class');
  const inst = a(p, 'instance');
  const prefix = `${cls ? `${cls}.` : ''}`;
  const suffix = inst ? `.${inst}` : '';
  const props = [...kids(p, 'Property'), ...kids(p, 'Category').flatMap((c) => kids(c, 'Property'))];
  for (const prop of props) {
    const key = a(prop, 'key');
    const value = a(prop, 'value');
    if (key !== undefined && value !== undefined) {
      out.properties[`${prefix}${key}${suffix}`] = value;
      if (!(key in out.properties)) out.properties[key] = value;
    }
  }
  return out;
}

const ITEM_ELEMENTS = ['Item', 'StorageItem', 'EthernetPortItem'];

function readItems(hw: XmlElement, a: AttrOf): OvfItem[] {
  return hw.children
    .filter((c) => ITEM_ELEMENTS.includes(c.local))
    .map((it) => {
      const t = (local: string) => kidText(it, local);
      const item: OvfItem = {
        element: it.local,
        hostResource: kids(it, 'HostResource').map((h) => h.text.trim()).filter(Boolean),
        connection: kids(it, 'Connection').map((h) => h.text.trim()).filter(Boolean),
        required: a(it, 'required') !== 'false',
        line: it.line,
      };
      const instance = t('InstanceID') ?? t('InstanceId');
      if (instance !== undefined) item.instanceId = instance;
      const rt = t('ResourceType');
      if (rt !== undefined && /^\d+$/.test(rt)) item.resourceType = Number(rt);
      const sub = t('ResourceSubType');
      if (sub) item.resourceSubType = sub;
      const q = t('VirtualQuantity');
      if (q !== undefined && /^\d+(\.\d+)?$/.test(q)) item.quantity = Number(q);
      const units = t('VirtualQuantityUnits') ?? t('AllocationUnits');
      if (units) item.units = units;
      const name = t('ElementName') ?? t('Caption');
      if (name) item.name = name;
      const parent = t('Parent');
      if (parent) item.parent = parent;
      const conf = a(it, 'configuration');
      if (conf !== undefined) item.configurations = conf.split(/\s+/).filter(Boolean);
      const bound = a(it, 'bound');
      if (bound) item.bound = bound;
      const cps = t('CoresPerSocket');
      if (cps !== undefined && /^\d+$/.test(cps)) item.coresPerSocket = Number(cps);
      return item;
    });
}
