import { Problem, UserError, error, info, warning } from '../../../diagnostics';
import { Appliance, ApplianceOption, Excluded, Workload } from '../../../inventory/schema';
import { emptyWorkload } from '../../../inventory/workload';
import { OvfDescriptor, OvfSystem } from './model';
import { guestOs } from './os-types';
import { ApplianceRead } from './read';
import { defaultOption, sizeOf } from './sizing';

/**
 * Each VirtualSystem of a package becomes a workload of kind `appliance`, sized by the chosen deployment option:
 * `--ovf-option NAME` (or the config's `collect.ovfOption`) when given, else the option marked default, else the first.
 * A VirtualSystemCollection's members carry the collection as their group (planned together).
 */

export interface OptionChoice {
  name?: string;
  from?: 'flag' | 'config';
}

export interface BuiltAppliances {
  workloads: Workload[];
  excluded: Excluded[];
  problems: Problem[];
}

const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

export function chooseOption(d: OvfDescriptor, choice: OptionChoice, where: string): { id?: string; by?: Appliance['optionChosenBy'] } {
  if (d.options.length === 0) return {};
  if (choice.name !== undefined) {
    if (d.options.some((o) => o.id === choice.name)) return { id: choice.name, by: choice.from ?? 'flag' };
    throw new UserError(
      error(
        'ovf-option-unknown',
        `deployment option "${choice.name}" (${choice.from === 'config' ? 'collect.ovfOption in the config' : '--ovf-option'}) is not one of this package's: ${d.options.map((o) => o.id).join(', ')}`,
        { file: where },
      ),
    );
  }
  const def = d.options.find((o) => o.default);
  return def ? { id: def.id, by: 'default' } : { id: defaultOption(d), by: 'first' };
}

export function applianceWorkloads(read: ApplianceRead, choice: OptionChoice): BuiltAppliances {
  const d = read.descriptor!;
  const pkg = read.pkg;
  const problems: Problem[] = [];
  const workloads: Workload[] = [];
  const excluded: Excluded[] = [];
  const { id: option, by } = chooseOption(d, choice, pkg.display);
  const errors = read.problems.filter((p) => p.severity === 'error').length;
  const warnings = read.problems.filter((p) => p.severity === 'warning').length;
  const integrity = read.integrity;
  const validation: Appliance['validation'] = {
    status: errors > 0 ? 'invalid' : warnings > 0 ? 'findings' : 'valid',
    errors,
    warnings,
    manifest: integrity?.manifest ?? 'none',
    signature: integrity?.signature ?? 'unsigned',
    ...(integrity?.certificate ? { signer: integrity.certificate.subject } : {}),
  };
  if (errors > 0)
    problems.push(
      warning('appliance-invalid', `${pkg.display}: the package has ${errors} validation error(s); it is planned as described, but may not import (see dcplan appliance check)`, {
        file: pkg.display,
      }),
    );
  for (const s of d.systems) {
    const size = sizeOf(s, d, option);
    const provenance = [{ file: pkg.display, row: s.line }];
    if (size.vcpus === undefined || size.memoryMib === undefined) {
      excluded.push({
        name: s.name,
        kind: 'workload',
        code: 'appliance-no-hardware',
        reason: `VirtualSystem "${s.id}" deploys no ${size.vcpus === undefined ? 'CPU' : 'memory'} item${option ? ` with option "${option}"` : ''}: nothing to size`,
        provenance: provenance[0],
      });
      continue;
    }
    const coll = d.collections.find((c) => c.id === s.collections[0]);
    const product = [...s.products, ...(coll?.products ?? [])].find((p) => p.product || p.vendor || p.version);
    const os = guestOs(s.os?.id, s.os?.description, s.os?.vmwOsType);
    if (s.os?.version) Object.assign(os, { version: s.os.version });
    const options: ApplianceOption[] = d.options.map((o) => {
      const z = sizeOf(s, d, o.id);
      return {
        id: o.id,
        ...(o.label ? { label: o.label } : {}),
        default: o.id === (d.options.find((x) => x.default) ?? d.options[0]).id,
        vcpus: z.vcpus ?? 0,
        memoryMib: round(z.memoryMib ?? 0),
        diskGib: round(z.diskGib),
        nics: z.nics,
      };
    });
    const family = s.hardwareFamilies;
    const appliance: Appliance = {
      package: pkg.display,
      packageKind: pkg.kind,
      ovfVersion: d.version,
      virtualSystem: s.id,
      ...(product?.product ? { product: product.product } : {}),
      ...(product?.vendor ? { vendor: product.vendor } : {}),
      ...(product?.version ? { version: product.version } : {}),
      hardwareFamily: family,
      diskFormats: [...new Set(size.disks.map((k) => k.format).filter((f): f is string => f !== undefined))],
      networks: size.networks,
      ...(coll ? { group: { id: coll.id, name: coll.name, members: coll.members.length } } : {}),
      ...(option ? { option, optionChosenBy: by } : {}),
      options,
      validation,
    };
    const used = size.disks.every((k) => k.usedGib !== undefined) && size.disks.length > 0;
    const hw = family.find((f) => /^vmx-\d+$/.test(f));
    const config: Workload['config'] = {};
    if (s.firmware) config.firmware = s.firmware;
    if (s.secureBoot !== undefined) config.secureBoot = s.secureBoot;
    if (s.vtpm) config.vtpm = true;
    if (hw) config.hwVersion = hw;
    const w = emptyWorkload({
      id: `${pkg.display}/${s.id || s.name}`,
      name: s.name || s.id,
      vcpus: size.vcpus,
      memoryMib: round(size.memoryMib),
      provenance,
      kind: 'appliance',
      powerState: 'unknown',
      ...(size.coresPerSocket ? { coresPerSocket: size.coresPerSocket, cpuSockets: Math.max(1, Math.round(size.vcpus / size.coresPerSocket)) } : {}),
      provisionedGib: round(size.diskGib),
      ...(used ? { usedGib: round(size.disks.reduce((n, k) => n + (k.usedGib ?? 0), 0)) } : {}),
      disks: size.disks.map((k) => ({ label: k.label, capacityGib: round(k.capacityGib ?? 0), ...(k.usedGib !== undefined ? { usedGib: round(k.usedGib) } : {}) })),
      nics: size.nics,
      os,
      ...(product?.product ? { application: product.product } : {}),
      tags: ['appliance'],
      config,
      appliance,
    });
    if (size.memoryUnitAssumed) problems.push(info('ovf-unit-assumed', `${s.name}: memory has no AllocationUnits; read as MiB`, { file: pkg.display, row: s.line }));
    for (const k of size.disks)
      if (k.capacityGib === undefined)
        problems.push(warning('appliance-disk-unsized', `${s.name}: disk "${k.label}" has no capacity dcplan can read; counted as 0 GiB`, { file: pkg.display, row: s.line }));
    workloads.push(w);
  }
  if (option && d.options.length > 1)
    problems.push(
      info('appliance-option', `${pkg.display}: deployment option "${option}" sized (${by === 'default' ? 'the default' : by === 'first' ? 'the first; none is marked default' : `chosen by ${by === 'flag' ? '--ovf-option' : 'collect.ovfOption'}`}); options: ${d.options.map((o) => o.id).join(', ')}`, {
        file: pkg.display,
      }),
    );
  return { workloads, excluded, problems };
}

export type { OvfSystem };
