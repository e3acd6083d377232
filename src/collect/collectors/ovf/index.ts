import { Problem, UserError } from '../../../diagnostics';
import { Collector, FileProbe } from '../../types';
import { readAppliance } from './read';
import { applianceWorkloads } from './workloads';

/**
 * Virtual appliances: an OVF descriptor (`.ovf`, OVF 0.9 / 1.x / 2.x), an OVA (tar, descriptor first) or a folder
 * holding one descriptor with its manifest and certificate. Recognised from content: the XML root is an OVF
 * `Envelope`, or the tar's first entry is named `*.ovf`.
 */

const ENVELOPE = /<(?:[\w.-]+:)?Envelope\b[^>]*\bxmlns(?::[\w.-]+)?\s*=\s*["'](?:https?:\/\/schemas\.dmtf\.org\/ovf\/envelope\/\d+|http:\/\/www\.vmware\.com\/schema\/ovf\/1\/envelope)["']/;

export function isOvfEnvelope(head: Buffer): boolean {
  return ENVELOPE.test(head.toString('utf8', 0, Math.min(head.length, 64 * 1024)));
}

export function detectOvf(probe: FileProbe): number {
  if (probe.kind === 'tar') return probe.tarFirstEntry !== undefined && /\.ovf$/i.test(probe.tarFirstEntry) ? 1 : probe.ext === '.ova' ? 0.9 : 0;
  if (probe.kind === 'text') return isOvfEnvelope(probe.head) ? 1 : 0;
  if (probe.kind === 'directory') return (probe.entries ?? []).some((e) => /\.ovf$/i.test(e)) ? 0.9 : 0;
  return 0;
}

/** Validation errors do not stop a collect: the appliance is planned as described, with its findings as warnings. */
function asCollectProblem(p: Problem): Problem {
  return p.severity === 'error' ? { ...p, severity: 'warning' } : p;
}

export const ovfCollector: Collector = {
  id: 'ovf',
  description: 'OVF / OVA virtual appliance packages (.ovf, .ova, or a folder with a descriptor)',
  detect: detectOvf,
  async collect(probe, options) {
    const read = await readAppliance(probe.path, probe.displayName);
    if (!read.descriptor) throw new UserError(read.problems.filter((p) => p.severity === 'error'));
    const built = applianceWorkloads(read, { name: options.ovfOption, from: options.ovfOptionFrom });
    return {
      format: 'ovf',
      rowsRead: read.descriptor.systems.length,
      workloads: built.workloads,
      hosts: [],
      clusters: [],
      excluded: built.excluded,
      problems: [...read.problems.map(asCollectProblem), ...built.problems],
      uniqueIds: false,
    };
  },
};
