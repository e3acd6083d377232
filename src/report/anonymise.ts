/**
 * `--anonymise` (issue 19.5): a copy of the reports a consultant can hand to a vendor or a forum. Every name the estate
 * gives (VMs, hosts, clusters, datacenters, vCenters, folders, datastores, networks, applications, DRS rules, ids,
 * files) and every IPv4 address becomes a stable pseudonym: HMAC-SHA256 of the name under a secret salt kept on this
 * machine, so the same estate gives the same pseudonyms run after run and nobody without the salt can reverse them.
 * The mapping is written on its own (anonymise-map.csv), never into a report. The checkpoints stay as they are.
 */
import { createHmac, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { error, UserError } from '../diagnostics';
import { ReportInput } from './types';

export type PseudonymKind = 'customer' | 'vm' | 'host' | 'cluster' | 'datacenter' | 'vcenter' | 'folder' | 'datastore' | 'network' | 'application' | 'rule' | 'id' | 'file' | 'ip';

/** Where the salt lives unless --salt names a file: beside the user's other dcplan state, never in an out-dir. */
export const defaultSaltFile = (): string => path.join(os.homedir(), '.dcplan', 'salt');
const MIN_SALT_BYTES = 16;

/** Reads the salt, or makes one (32 random bytes, readable by the user only) when the file does not exist yet. */
export function loadSalt(file: string = defaultSaltFile()): { salt: Buffer; file: string; created: boolean } {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return { salt: fs.readFileSync(file), file, created: true };
  }
  const st = fs.statSync(file);
  if (!st.isFile())
    throw new UserError(error('salt-unreadable', `The salt ${file} is not a regular file.`, { file }, 'Give a file with --salt, or remove it to have a new salt made.'));
  const salt = fs.readFileSync(file);
  if (salt.length < MIN_SALT_BYTES)
    throw new UserError(error('salt-too-short', `The salt ${file} has ${salt.length} bytes; at least ${MIN_SALT_BYTES} are needed.`, { file }, 'Remove it to have a new random salt made.'));
  return { salt, file, created: false };
}

const PREFIX: Record<PseudonymKind, string> = {
  customer: 'customer', vm: 'vm', host: 'host', cluster: 'cluster', datacenter: 'dc', vcenter: 'vc', folder: 'folder',
  datastore: 'ds', network: 'net', application: 'app', rule: 'rule', id: 'id', file: 'file', ip: 'ip',
};

// a run of letters, digits, '_' and '-', dots allowed inside ("esx01.corp.local"): names are matched chunk by chunk
const CHUNK = /[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*/gu;
const FIRST_CHUNK = new RegExp(CHUNK.source, 'u');
const CHUNK_CHAR = /[\p{L}\p{N}_-]/u;
const IPV4 = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.]|\.\d)/g;

interface Candidate {
  name: string;
  /** Where the name's first chunk starts in the name ("[ds1]" → 1). */
  offset: number;
  to: string;
}

export class Anonymiser {
  private readonly map = new Map<string, { kind: PseudonymKind; to: string }>();
  private readonly taken = new Set<string>();
  private byChunk = new Map<string, Candidate[]>();

  constructor(private readonly salt: Buffer) {}

  /** The pseudonym of a name (the first kind it was met as wins: one name, one pseudonym). */
  add(kind: PseudonymKind, name: string | undefined): void {
    if (!name || name.trim() === '' || this.map.has(name)) return;
    // hex written with the letters a-p: a pseudonym holds no digits, so no moref or numbered name ("vm-1375") is inside one
    const digest = createHmac('sha256', this.salt).update(`${kind}\u0000${name}`).digest('hex').replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
    let n = 10;
    while (this.taken.has(this.pseudonymOf(kind, name, digest, n))) n++;
    const to = this.pseudonymOf(kind, name, digest, n);
    this.taken.add(to);
    this.map.set(name, { kind, to });
    const m = FIRST_CHUNK.exec(name);
    if (!m) return;
    const list = this.byChunk.get(m[0]) ?? [];
    list.push({ name, offset: m.index, to });
    list.sort((a, b) => b.name.length - a.name.length);
    this.byChunk.set(m[0], list);
  }

  private pseudonymOf(kind: PseudonymKind, name: string, digest: string, n: number): string {
    if (kind === 'customer') return 'Customer';
    // a file keeps its extension, so a reader still sees what kind of export it was
    const ext = kind === 'file' ? /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '' : '';
    return `${PREFIX[kind]}-${digest.slice(0, n)}${ext}`;
  }

  /** The text with every known name (whole, not inside a longer word) and every IPv4 address replaced. */
  apply(s: string): string {
    const exact = this.map.get(s);
    if (exact) return exact.to;
    let out = '';
    let last = 0;
    for (const m of s.matchAll(CHUNK)) {
      if (m.index < last) continue;
      for (const c of this.byChunk.get(m[0]) ?? []) {
        const start = m.index - c.offset;
        const end = start + c.name.length;
        if (start < last || !s.startsWith(c.name, start)) continue;
        if (start > 0 && CHUNK_CHAR.test(c.name[0]) && (CHUNK_CHAR.test(s[start - 1]) || s[start - 1] === '.')) continue;
        if (end < s.length && CHUNK_CHAR.test(c.name[c.name.length - 1]) && (CHUNK_CHAR.test(s[end]) || (s[end] === '.' && CHUNK_CHAR.test(s[end + 1] ?? '')))) continue;
        out += s.slice(last, start) + c.to;
        last = end;
        break;
      }
    }
    out = last === 0 ? s : out + s.slice(last);
    return out.replace(IPV4, (ip) => {
      this.add('ip', ip);
      return this.map.get(ip)!.to;
    });
  }

  /** kind, original, pseudonym: the mapping file's rows, by kind then name. */
  rows(): [string, string, string][] {
    return [...this.map.entries()]
      .map(([name, v]): [string, string, string] => [v.kind, name, v.to])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  }
}

/** An anonymiser knowing every name the checkpoints hold. */
export function anonymiserFor(input: ReportInput, salt: Buffer): Anonymiser {
  const a = new Anonymiser(salt);
  const { inventory, scorecard } = input;
  a.add('customer', input.config?.report?.customer);
  for (const w of inventory.workloads) {
    a.add('vm', w.name);
    a.add('id', w.id);
    const l = w.location;
    a.add('host', l.host);
    a.add('cluster', l.cluster);
    a.add('datacenter', l.datacenter);
    a.add('vcenter', l.vcenter);
    a.add('folder', l.folder);
    a.add('id', l.hostId);
    a.add('id', l.vmUuid);
    a.add('id', l.vmId);
    a.add('application', w.application);
    for (const n of w.networks ?? []) {
      a.add('network', n.network);
      a.add('network', n.switch);
    }
    for (const d of w.disks) a.add('datastore', d.datastore);
    for (const p of w.provenance) a.add('file', p.file);
  }
  for (const h of inventory.hosts) {
    a.add('host', h.name);
    a.add('id', h.id);
    a.add('cluster', h.cluster);
    a.add('datacenter', h.datacenter);
    a.add('vcenter', h.vcenter);
  }
  for (const c of inventory.clusters) {
    a.add('cluster', c.name);
    a.add('datacenter', c.datacenter);
    a.add('vcenter', c.vcenter);
  }
  for (const d of inventory.datastores ?? []) {
    a.add('datastore', d.name);
    a.add('id', d.id);
  }
  for (const r of inventory.drsRules ?? []) a.add('rule', r.name);
  for (const s of inventory.sources) a.add('file', path.win32.basename(s.file));
  for (const e of inventory.excluded) {
    a.add('vm', e.name);
    a.add('file', path.win32.basename(e.provenance.file));
  }
  for (const f of scorecard.findings) a.add('id', f.workloadId);
  return a;
}
