import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';
import { renderReports, reportWaves } from '../../src/report';
import { Anonymiser, anonymiserFor, loadSalt } from '../../src/report/anonymise';
import { fixtureInput } from '../fixtures/report/fixture';
import { pdfText, tmpDir } from './helpers';

const DATE = new Date('2026-11-20T00:00:00Z');
const SALT = Buffer.from('0123456789abcdef0123456789abcdef');
const FILE = '/home/consultant/acme/RVTools_acme.xlsx';

/** The fixture as a real estate names things: customer, vCenter, datacenter, folder, an IP, a local file. */
function acme() {
  const x = fixtureInput();
  x.config = { report: { ...x.config!.report, customer: 'Acme Shipping GmbH' } };
  const inv = x.inventory;
  for (const w of inv.workloads) {
    w.location = { ...w.location, vcenter: 'vc-acme.corp.local', datacenter: 'DC-Hamburg', cluster: 'AcmeProd', folder: '/DC-Hamburg/vm/AcmeWeb' };
    w.provenance = [{ file: FILE, sheet: 'vInfo', row: 2 }];
    w.application = w.name.startsWith('web') ? 'AcmeShop' : undefined;
  }
  for (const h of inv.hosts) h.cluster = 'AcmeProd';
  inv.clusters[0].name = 'AcmeProd';
  inv.sources[0].file = FILE;
  inv.problems.push({ code: 'host-answered', severity: 'warning', message: `esx01 at 10.20.30.40 answered for ${FILE}`, file: FILE });
  return { ...x, waves: reportWaves(inv, x.scorecard) };
}

async function reportTexts(dir: string, files: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    if (f.endsWith('.pdf')) out.push(pdfText(f));
    else if (f.endsWith('.xlsx')) {
      const zip = await JSZip.loadAsync(fs.readFileSync(f));
      for (const e of Object.values(zip.files)) if (!e.dir) out.push(await e.async('string'));
    } else if (!f.endsWith('anonymise-map.csv')) out.push(fs.readFileSync(f, 'utf8'));
  }
  expect(out.length).toBeGreaterThan(10);
  return out;
}

describe('--anonymise (issue 19.5)', () => {
  const dir = tmpDir('anon');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('no original name, IP or file of the estate appears in any report byte; the mapping is written apart', async () => {
    const input = acme();
    const r = await renderReports(input, { outDir: dir, formats: ['pdf', 'html', 'xlsx', 'csv', 'json'], fixedDate: DATE, anonymise: { salt: SALT } });
    const originals = anonymiserFor(input, SALT).rows().map((row) => row[1]).concat(['10.20.30.40', 'Acme', 'Hamburg', 'consultant']);
    expect(originals).toEqual(expect.arrayContaining(['app-01', 'esx02', 'AcmeProd', 'vc-acme.corp.local', 'DC-Hamburg', '/DC-Hamburg/vm/AcmeWeb', 'AcmeShop', 'vc1/0003', FILE]));
    const texts = await reportTexts(dir, r.files);
    for (const t of texts) for (const o of originals) if (t.includes(o)) throw new Error(`"${o}" appears in a report: …${t.slice(Math.max(0, t.indexOf(o) - 60), t.indexOf(o) + 60)}…`);
    // what the reports say instead
    const csv = fs.readFileSync(path.join(dir, 'report-placement.csv'), 'utf8');
    expect(csv).toMatch(/\r\nvm-[a-p]{10},id-[a-p]{10},std-2x16-001,std-2x16,general,placed,/);
    expect(fs.readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('<div class="customer">Customer</div>');
    const map = fs.readFileSync(path.join(dir, 'anonymise-map.csv'), 'utf8');
    expect(map).toContain('ip,10.20.30.40,ip-');
    expect(map).toMatch(/\r\nvm,app-01,vm-[a-p]{10}\r\n/);
    expect(map).toContain(`file,${FILE},file-`);
  });

  it('the same salt gives the same pseudonyms; another salt others', () => {
    const one = new Anonymiser(SALT);
    const two = new Anonymiser(Buffer.from(SALT));
    const other = new Anonymiser(Buffer.from('another salt, sixteen bytes or more'));
    for (const a of [one, two, other]) a.add('vm', 'web-01');
    expect(one.apply('web-01')).toBe(two.apply('web-01'));
    expect(one.apply('web-01')).not.toBe(other.apply('web-01'));
  });

  it('replaces whole names only, longest first, inside sentences and ids', () => {
    const a = new Anonymiser(SALT);
    a.add('vm', 'web');
    a.add('vm', 'web-01');
    a.add('host', 'esx01.corp.local');
    a.add('cluster', 'Prod');
    const vm = a.apply('web');
    const vm01 = a.apply('web-01');
    const host = a.apply('esx01.corp.local');
    const prod = a.apply('Prod');
    expect(a.apply('web-01 runs on esx01.corp.local in Prod.')).toBe(`${vm01} runs on ${host} in ${prod}.`);
    expect(a.apply('Production webserver web, web-011, vc/web')).toBe(`Production webserver ${vm}, web-011, vc/${vm}`);
    expect(a.apply('esx01.corp.local.bak and 192.168.0.1:443 and 1.2.3.4.5')).toMatch(/^esx01\.corp\.local\.bak and ip-[a-p]{10}:443 and 1\.2\.3\.4\.5$/);
  });

  it('makes a salt file readable by its owner only when none exists, and reuses it', () => {
    const file = path.join(dir, 'state', 'salt');
    const made = loadSalt(file);
    expect(made.created).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadSalt(file);
    expect(again).toMatchObject({ created: false });
    expect(again.salt.equals(made.salt)).toBe(true);
    fs.writeFileSync(path.join(dir, 'short'), 'abc');
    expect(() => loadSalt(path.join(dir, 'short'))).toThrow(/at least 16 are needed/);
  });
});
