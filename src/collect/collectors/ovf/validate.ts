import { Problem, error, info, warning } from '../../../diagnostics';
import { OvfDescriptor, OvfItem, OvfSystem } from './model';
import { OvfPackage } from './package';
import { itemsFor, RT } from './sizing';
import { parseUnit } from './units';

/**
 * Structural checks of a descriptor against DSP0243 and its package: required sections, references that resolve,
 * file sizes, units and resource types dcplan knows, and deployment options that are consistent. Each finding is a
 * problem with the descriptor line (`row`).
 */

/** CIM_ResourceAllocationSettingData.ResourceType values 1-35 are DMTF-defined; 32768-65535 are vendor-reserved. */
const KNOWN_RESOURCE_TYPE = (t: number) => (t >= 1 && t <= 35) || (t >= 32768 && t <= 65535);
const STORAGE_CONTROLLERS = new Set([5, 6, 7, 8, 9, 20, 23]);
const DRIVES = new Set([14, 15, 16, 17]);

export function validateDescriptor(d: OvfDescriptor, file: string): Problem[] {
  const out: Problem[] = [];
  const at = (line: number) => ({ file, row: line });
  if (!d.sections.includes('References')) out.push(error('ovf-missing-section', 'the envelope has no References section (required)', at(1)));

  const fileIds = new Map<string, number>();
  for (const f of d.files) {
    if (!f.id) out.push(error('ovf-bad-reference', `File "${f.href}" has no ovf:id`, at(f.line)));
    if (!f.href) out.push(error('ovf-bad-reference', `File "${f.id}" has no ovf:href`, at(f.line)));
    if (fileIds.has(f.id)) out.push(error('ovf-duplicate-id', `File id "${f.id}" is declared twice`, at(f.line)));
    fileIds.set(f.id, f.line);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(f.href))
      out.push(warning('ovf-external-file', `File "${f.href}" is fetched from a URL at deployment; dcplan does not fetch it`, at(f.line)));
    else if (f.href.startsWith('/') || f.href.split(/[\\/]/).includes('..'))
      out.push(error('ovf-bad-reference', `File href "${f.href}" points outside the package`, at(f.line)));
  }
  const diskIds = new Set<string>();
  for (const k of d.disks) {
    if (diskIds.has(k.diskId)) out.push(error('ovf-duplicate-id', `Disk id "${k.diskId}" is declared twice`, at(k.line)));
    diskIds.add(k.diskId);
    if (k.fileRef && !fileIds.has(k.fileRef))
      out.push(error('ovf-bad-reference', `Disk "${k.diskId}" names file "${k.fileRef}", which References does not declare`, at(k.line)));
    if (k.capacityUnits && parseUnit(k.capacityUnits)?.base !== 'byte')
      out.push(error('ovf-unknown-unit', `Disk "${k.diskId}" has capacityAllocationUnits "${k.capacityUnits}", not a byte unit dcplan knows`, at(k.line)));
    else if (k.capacityBytes === undefined)
      out.push(error('ovf-bad-capacity', `Disk "${k.diskId}" has capacity "${k.capacity}", which is not a number (or a property with a numeric default)`, at(k.line)));
  }

  // Deployment options
  const optionIds = new Set<string>();
  for (const o of d.options) {
    if (optionIds.has(o.id)) out.push(error('ovf-duplicate-option', `deployment option "${o.id}" is declared twice`, at(o.line)));
    optionIds.add(o.id);
  }
  const defaults = d.options.filter((o) => o.default);
  if (defaults.length > 1)
    out.push(error('ovf-several-defaults', `${defaults.length} deployment options are marked default (${defaults.map((o) => o.id).join(', ')})`, at(defaults[1].line)));
  if (d.options.length > 0 && defaults.length === 0)
    out.push(info('ovf-no-default-option', `no deployment option is marked default; the first, "${d.options[0].id}", is deployed`, at(d.options[0].line)));

  const networks = new Set(d.networks);
  for (const s of d.systems) out.push(...validateSystem(s, d, optionIds, diskIds, fileIds, networks, file));
  return out;
}

function validateSystem(
  s: OvfSystem,
  d: OvfDescriptor,
  optionIds: Set<string>,
  diskIds: Set<string>,
  fileIds: Map<string, number>,
  networks: Set<string>,
  file: string,
): Problem[] {
  const out: Problem[] = [];
  const at = (line: number) => ({ file, row: line });
  const who = `VirtualSystem "${s.id}"`;
  if (!s.id) out.push(error('ovf-missing-id', 'a VirtualSystem has no ovf:id', at(s.line)));
  if (s.hardwareSections === 0) out.push(error('ovf-missing-section', `${who} has no VirtualHardwareSection (required)`, at(s.line)));
  for (const it of s.items) {
    const label = `item ${it.instanceId ?? '?'}${it.name ? ` (${it.name})` : ''}`;
    if (it.instanceId === undefined) out.push(error('ovf-item-no-id', `${who}: an item has no InstanceID`, at(it.line)));
    if (it.resourceType === undefined) out.push(error('ovf-item-no-type', `${who}: ${label} has no ResourceType`, at(it.line)));
    else if (!KNOWN_RESOURCE_TYPE(it.resourceType))
      out.push(warning('ovf-unknown-resource-type', `${who}: ${label} has ResourceType ${it.resourceType}, which no DMTF value map defines`, at(it.line)));
    for (const c of it.configurations ?? [])
      if (!optionIds.has(c))
        out.push(error('ovf-unknown-option', `${who}: ${label} names deployment option "${c}", which DeploymentOptionSection does not declare`, at(it.line)));
    if (it.resourceType === RT.memory && it.units !== undefined && parseUnit(it.units)?.base !== 'byte')
      out.push(error('ovf-unknown-unit', `${who}: memory ${label} has AllocationUnits "${it.units}", not a byte unit dcplan knows`, at(it.line)));
    if (it.resourceType === RT.memory && it.units === undefined)
      out.push(warning('ovf-unit-assumed', `${who}: memory ${label} has no AllocationUnits; read as MiB (byte * 2^20)`, at(it.line)));
    if ((it.resourceType === RT.cpu || it.resourceType === RT.memory) && it.quantity === undefined)
      out.push(error('ovf-item-no-quantity', `${who}: ${label} has no numeric VirtualQuantity`, at(it.line)));
    if (it.resourceType === RT.disk || it.resourceType === 15 || it.resourceType === 16 || it.resourceType === 14)
      for (const hr of it.hostResource) {
        const disk = /^(?:ovf:)?\/?disk\/(.+)$/.exec(hr);
        const f = /^(?:ovf:)?\/?file\/(.+)$/.exec(hr);
        if (disk && !diskIds.has(disk[1])) out.push(error('ovf-bad-reference', `${who}: ${label} names disk "${disk[1]}", which DiskSection does not declare`, at(it.line)));
        else if (f && !fileIds.has(f[1])) out.push(error('ovf-bad-reference', `${who}: ${label} names file "${f[1]}", which References does not declare`, at(it.line)));
        else if (!disk && !f) out.push(error('ovf-bad-reference', `${who}: ${label} has HostResource "${hr}", not ovf:/disk/<id> or ovf:/file/<id>`, at(it.line)));
      }
    if (it.resourceType === RT.ethernet)
      for (const c of it.connection)
        if (!networks.has(c)) out.push(error('ovf-bad-reference', `${who}: ${label} connects to network "${c}", which NetworkSection does not declare`, at(it.line)));
  }
  // Per option: what deploys must be sizeable, unique, and its parents must resolve.
  const options = d.options.length > 0 ? d.options.map((o) => o.id) : [undefined];
  for (const opt of options) {
    const items = itemsFor(s.items, opt);
    const tag = opt === undefined ? '' : ` with option "${opt}"`;
    if (s.hardwareSections > 0 && s.items.length > 0) {
      if (!items.some((i) => i.resourceType === RT.cpu)) out.push(warning('ovf-no-cpu', `${who}${tag} deploys no CPU item (ResourceType 3)`, at(s.line)));
      if (!items.some((i) => i.resourceType === RT.memory)) out.push(warning('ovf-no-memory', `${who}${tag} deploys no memory item (ResourceType 4)`, at(s.line)));
    }
    const byId = new Map<string, OvfItem>();
    for (const i of items) if (i.instanceId !== undefined) byId.set(i.instanceId, i);
    for (const i of items) {
      if (i.parent === undefined || i.resourceType === undefined) continue;
      const p = byId.get(i.parent);
      if (!p) out.push(error('ovf-bad-parent', `${who}${tag}: item ${i.instanceId} (${i.name ?? 'no name'}) has Parent ${i.parent}, which is not deployed`, at(i.line)));
      else if (DRIVES.has(i.resourceType) && p.resourceType !== undefined && !STORAGE_CONTROLLERS.has(p.resourceType))
        out.push(
          error('ovf-bad-parent', `${who}${tag}: drive item ${i.instanceId} (${i.name ?? 'no name'}) has Parent ${i.parent}, which is not a storage controller (ResourceType ${p.resourceType})`, at(i.line)),
        );
    }
  }
  return out;
}

/** References against the package: present, of the declared size; package files nobody references. */
export function validateReferences(d: OvfDescriptor, pkg: OvfPackage, skip: string[]): Problem[] {
  const out: Problem[] = [];
  const where = (line: number) => ({ file: pkg.display, row: pkg.kind === 'ova' ? undefined : line });
  for (const f of d.files) {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(f.href)) continue;
    const have = pkg.files.get(f.href);
    if (!have) {
      if (pkg.kind === 'descriptor')
        out.push(info('ovf-file-not-beside', `"${f.href}" is not beside the descriptor (only the descriptor was given); not checked`, where(f.line)));
      else out.push(error('ovf-file-missing', `"${f.href}" (File ${f.id}) is not in the ${pkg.kind === 'ova' ? 'archive' : 'folder'}`, where(f.line)));
      continue;
    }
    // A chunked file is stored as href.000000000, ...; its size is the whole. Compressed files have the packed size.
    if (f.size !== undefined && f.chunkSize === undefined && f.compression === undefined && have.size !== f.size)
      out.push(error('ovf-file-size', `"${f.href}" is ${have.size} bytes, the descriptor says ${f.size}`, where(f.line)));
  }
  if (pkg.kind !== 'descriptor') {
    const referenced = new Set(d.files.map((f) => f.href));
    for (const name of pkg.files.keys())
      if (!referenced.has(name) && !skip.includes(name) && !/\.\d{9}$/.test(name))
        out.push(info('ovf-file-unreferenced', `"${name}" is in the package but no File in References names it`, { file: pkg.display }));
  }
  if (pkg.kind === 'ova') {
    // DSP0243: descriptor, then manifest, then certificate, then the files in References order.
    const order = pkg.order.slice(1);
    const expected = [...skip.filter((n) => order.includes(n)), ...d.files.map((f) => f.href).filter((h) => order.includes(h))];
    const actual = order.filter((n) => expected.includes(n));
    if (actual.join('\n') !== expected.join('\n'))
      out.push(
        info('ova-order', `archive order ${actual.join(', ')} differs from the specified order (manifest, certificate, then References order: ${expected.join(', ')})`, {
          file: pkg.display,
        }),
      );
  }
  return out;
}
