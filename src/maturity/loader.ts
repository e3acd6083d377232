import * as fs from 'fs';
import * as path from 'path';
import { Problem, error } from '../diagnostics';
import { readYamlFile, validateYaml, withLines, YamlFile } from '../util/yaml-file';
import {
  CapabilityFile,
  CapabilityFileSchema,
  LEVELS,
  MaturityCondition,
  QuestionsFile,
  QuestionsFileSchema,
  RoadmapFile,
  RoadmapFileSchema,
} from './rules-schema';

/** The maturity rules shipped with dcplan: `<package root>/rules/maturity`, found from this file (src/ or dist/). */
export const DEFAULT_MATURITY_DIR = path.resolve(__dirname, '..', '..', 'rules', 'maturity');

/** The five Core IO capabilities (Microsoft's Infrastructure Optimization model); a rule set without one is incomplete. */
export const CORE_IO_CAPABILITIES = [
  'identity-access',
  'server-management',
  'security-networking',
  'data-protection-recovery',
  'it-security-process',
];

export interface MaturityRules {
  dir: string;
  capabilities: CapabilityFile[];
  questions: QuestionsFile;
  roadmap: RoadmapFile;
}

type Path = (string | number)[];

function display(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

function read<T>(abs: string, schema: Parameters<typeof validateYaml<T>>[0], problems: Problem[]): { f: YamlFile; doc: T } | undefined {
  if (!fs.existsSync(abs)) {
    problems.push(error('rule-file-missing', `${display(abs)} is missing`, { file: display(abs) }));
    return undefined;
  }
  const f = readYamlFile(abs, display(abs), problems);
  if (!f) return undefined;
  const local: Problem[] = [];
  const doc = validateYaml(schema, f, local);
  problems.push(...withLines(f, local));
  return doc === undefined ? undefined : { f, doc };
}

/** Every answer test names a question and every source a document of its file. */
function checkRefs(c: MaturityCondition | undefined, questions: Set<string>, file: string, p: Path, problems: Problem[]): void {
  if (!c) return;
  if ('all' in c) c.all.forEach((x, i) => checkRefs(x, questions, file, [...p, 'all', i], problems));
  else if ('any' in c) c.any.forEach((x, i) => checkRefs(x, questions, file, [...p, 'any', i], problems));
  else if ('answer' in c && !questions.has(c.answer))
    problems.push(error('unknown-question', `answer "${c.answer}" names no question of questions.yaml`, { file, path: [...p, 'answer'] }));
}

function checkDoc(doc: string, docs: Record<string, unknown>, file: string, p: Path, problems: Problem[]): void {
  if (!(doc in docs)) problems.push(error('unknown-document', `source "${doc}" is not listed under documents`, { file, path: [...p, 'doc'] }));
}

function checkCapability(c: CapabilityFile, name: string, questions: Set<string>, file: string, problems: Problem[]): void {
  if (c.id !== name.replace(/\.ya?ml$/i, '')) problems.push(error('rule-id-mismatch', `id "${c.id}" must match the file name`, { file, path: ['id'] }));
  const order = c.levels.map((l) => LEVELS.indexOf(l.level));
  if (order.some((o, i) => i > 0 && o >= order[i - 1]) || c.levels[c.levels.length - 1].level !== 'basic')
    problems.push(error('level-order', 'levels must run from the highest down to basic, each once', { file, path: ['levels'] }));
  c.levels.forEach((l, i) => {
    const last = i === c.levels.length - 1;
    if (last !== (l.when === undefined))
      problems.push(error(last ? 'no-fallback-level' : 'unreachable-level', last ? 'the last level (basic) must have no `when`' : 'only the last level may omit `when`', { file, path: ['levels', i] }));
    checkRefs(l.when, questions, file, ['levels', i, 'when'], problems);
    checkDoc(l.source.doc, c.documents, file, ['levels', i, 'source'], problems);
  });
}

/** Loads and lints rules/maturity (or a copy): schema, ids, level order, references. Errors leave `rules` undefined. */
export function loadMaturityRules(dir: string = DEFAULT_MATURITY_DIR): { rules?: MaturityRules; problems: Problem[] } {
  const problems: Problem[] = [];
  const questions = read<QuestionsFile>(path.join(dir, 'questions.yaml'), QuestionsFileSchema, problems);
  const roadmap = read<RoadmapFile>(path.join(dir, 'roadmap.yaml'), RoadmapFileSchema, problems);
  const qIds = new Set(questions?.doc.questions.map((q) => q.id) ?? []);
  const capDir = path.join(dir, 'capabilities');
  const names = fs.existsSync(capDir) ? fs.readdirSync(capDir).filter((n) => /\.ya?ml$/i.test(n)).sort() : [];
  const capabilities: CapabilityFile[] = [];
  for (const name of names) {
    const r = read<CapabilityFile>(path.join(capDir, name), CapabilityFileSchema, problems);
    if (!r) continue;
    const local: Problem[] = [];
    checkCapability(r.doc, name, qIds, r.f.file, local);
    problems.push(...withLines(r.f, local));
    capabilities.push(r.doc);
  }
  const capIds = new Set(capabilities.map((c) => c.id));
  for (const id of CORE_IO_CAPABILITIES)
    if (!capIds.has(id)) problems.push(error('missing-capability', `no rule file for the Core IO capability "${id}"`, { file: display(capDir) }));
  if (questions) {
    const local: Problem[] = [];
    questions.doc.questions.forEach((q, i) => {
      if (!capIds.has(q.capability)) local.push(error('unknown-capability', `capability "${q.capability}" has no rule file`, { file: questions.f.file, path: ['questions', i, 'capability'] }));
      checkDoc(q.source.doc, questions.doc.documents, questions.f.file, ['questions', i, 'source'], local);
    });
    problems.push(...withLines(questions.f, local));
  }
  if (roadmap) {
    const local: Problem[] = [];
    roadmap.doc.steps.forEach((s, i) => {
      s.capabilities.forEach((c, j) => {
        if (!capIds.has(c)) local.push(error('unknown-capability', `capability "${c}" has no rule file`, { file: roadmap.f.file, path: ['steps', i, 'capabilities', j] }));
      });
      checkRefs(s.when, qIds, roadmap.f.file, ['steps', i, 'when'], local);
      checkDoc(s.source.doc, roadmap.doc.documents, roadmap.f.file, ['steps', i, 'source'], local);
    });
    problems.push(...withLines(roadmap.f, local));
  }
  if (problems.some((p) => p.severity === 'error') || !questions || !roadmap) return { problems };
  capabilities.sort((a, b) => a.order - b.order);
  return { rules: { dir, capabilities, questions: questions.doc, roadmap: roadmap.doc }, problems };
}
