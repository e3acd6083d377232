import { Problem, warning } from '../../../diagnostics';
import { DrsRule } from '../../../inventory/schema';
import { Where } from './records';

/**
 * DRS rules from vInfo. RVTools 4.x writes, per VM, `Cluster rule(s)` = the TYPE of each rule the VM is in
 * ("Anti Affinity", "Affinity", a VM-Host rule ...) and `Cluster rule name(s)` = their names, both as lists in the
 * same order. A rule is per cluster (vCenter + cluster + name); its members are the VMs that name it.
 *
 * Rule names may themselves hold the list separator (a rule "Kemp LB, prod"), so the two lists are paired item by
 * item only when they have as many items; otherwise a split that yields only names other VMs state cleanly is used,
 * else the whole cell is one name (when the type cell holds one type), else the VM's rules are typed `unknown` with a
 * warning. A rule is never read from its name's wording.
 */

export interface RuleCells {
  /** The VM's workload: its id is the member key, its `drsRules` get the rule names as paired here. */
  workload: { id: string; drsRules: string[] };
  name: string;
  row: number;
  vcenter?: string;
  cluster?: string;
  types?: string;
  names: string;
}

interface Item {
  name: string;
  typeText?: string;
}

type Parsed = Pick<DrsRule, 'type' | 'vmHost'>;

/** `Anti Affinity` → anti-affinity; `Affinity` → affinity; text naming hosts → a VM-Host rule (must/should, run or not). */
export function ruleType(text: string | undefined): Parsed {
  if (text === undefined) return { type: 'unknown' };
  const t = text.toLowerCase();
  const flat = t.replace(/[^a-z]/g, '');
  if (/host/.test(flat)) {
    const strength = /must|mandatory|required/.test(flat) ? 'must' : /should|preferential|preferred|optional/.test(flat) ? 'should' : undefined;
    const relation = /anti|not|nonaffin/.test(flat) ? 'not-run-on' : 'run-on';
    const group = /group\s*[:"'“]?\s*["'“]?([^"'”]+?)["'”]?\s*$/i.exec(text)?.[1]?.trim();
    const vmHost: NonNullable<DrsRule['vmHost']> = { ...(strength ? { strength } : {}), relation };
    if (group && !/^(of )?hosts?$/i.test(group)) vmHost.hostGroup = group;
    return { type: 'vm-host', vmHost };
  }
  if (/dependen|virtualmachinestovirtualmachines/.test(flat)) return { type: 'dependency' };
  if (/^(vmvm)?(anti|non)affinity(rule)?$|^separatevirtualmachines$/.test(flat)) return { type: 'anti-affinity' };
  if (/^(vmvm)?affinity(rule)?$|^keepvirtualmachinestogether$/.test(flat)) return { type: 'affinity' };
  return { type: 'unknown' };
}

const split = (s: string) =>
  s
    .split(/[,;\n]/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

export function buildDrsRules(vms: readonly RuleCells[], where: Where, problems: Problem[]): DrsRule[] {
  const sheet = where.sheet ?? 'vInfo';
  // First pass: names stated cleanly (as many types as names), to settle the cells that are not.
  const clean = new Set<string>();
  const pairs = vms.map((vm): Item[] | undefined => {
    const names = split(vm.names);
    const types = vm.types === undefined ? [] : split(vm.types);
    if (names.length === types.length) {
      for (const n of names) clean.add(n);
      return names.map((n, i) => ({ name: n, typeText: types[i] }));
    }
    return undefined;
  });
  const rules = new Map<string, DrsRule>();
  vms.forEach((vm, i) => {
    const at = { file: where.file, sheet, row: vm.row };
    let items = pairs[i];
    if (items === undefined) {
      const names = split(vm.names);
      const types = vm.types === undefined ? [] : split(vm.types);
      if (names.every((n) => clean.has(n))) items = names.map((n) => ({ name: n, typeText: undefined }));
      else if (types.length === 1) items = [{ name: vm.names.trim(), typeText: types[0] }];
      else {
        items = names.map((n) => ({ name: n, typeText: undefined }));
        problems.push(
          warning(
            'rvtools-drs-unaligned',
            `VM ${vm.name}: "Cluster rule(s)" lists ${types.length} rule type(s) but "Cluster rule name(s)" ${names.length} name(s); the rules' types are taken from other VMs where they say, else left unknown (not enforced).`,
            { ...at, column: 'Cluster rule(s)' },
            'Name the rules under constraints.drsRules to enforce them.',
          ),
        );
      }
    }
    for (const it of items) {
      const key = `${vm.vcenter ?? ''}\u0000${vm.cluster ?? ''}\u0000${it.name}`;
      let rule = rules.get(key);
      const parsed = it.typeText === undefined ? undefined : ruleType(it.typeText);
      if (!rule) {
        rule = { name: it.name, type: parsed?.type ?? 'unknown', workloads: [], provenance: [at] };
        if (it.typeText !== undefined) rule.typeAsWritten = it.typeText;
        if (vm.vcenter !== undefined) rule.vcenter = vm.vcenter;
        if (vm.cluster !== undefined) rule.cluster = vm.cluster;
        if (parsed?.vmHost) rule.vmHost = parsed.vmHost;
        rules.set(key, rule);
      } else if (parsed && rule.type === 'unknown') {
        rule.type = parsed.type;
        rule.typeAsWritten = it.typeText;
        if (parsed.vmHost) rule.vmHost = parsed.vmHost;
      } else if (parsed && parsed.type !== rule.type && parsed.type !== 'unknown') {
        problems.push(
          warning('rvtools-drs-type-mismatch', `DRS rule "${it.name}" is "${it.typeText}" on VM ${vm.name} but "${rule.typeAsWritten}" on row ${rule.provenance[0].row}; the first is kept.`, at),
        );
      }
      if (!rule.workloads.includes(vm.workload.id)) rule.workloads.push(vm.workload.id);
    }
    vm.workload.drsRules = items.map((x) => x.name);
  });
  return [...rules.values()].map(inSchemaOrder);
}

/** Keys in schema order, so inventory.json reads the same whichever row settled a rule's type. */
function inSchemaOrder(r: DrsRule): DrsRule {
  return {
    name: r.name,
    type: r.type,
    ...(r.typeAsWritten !== undefined ? { typeAsWritten: r.typeAsWritten } : {}),
    ...(r.vcenter !== undefined ? { vcenter: r.vcenter } : {}),
    ...(r.cluster !== undefined ? { cluster: r.cluster } : {}),
    workloads: r.workloads,
    ...(r.vmHost !== undefined ? { vmHost: r.vmHost } : {}),
    provenance: r.provenance,
  };
}
