import * as path from 'path';
import { Problem, UserError, error } from '../diagnostics';
import { readYamlFile } from '../util/yaml-file';
import { QuestionsFile } from './rules-schema';

/**
 * The maturity questionnaire: `dcplan template maturity` writes it (every question commented with its options, the
 * answer left empty), `--maturity answers.yaml` reads it back. An empty answer is unanswered; a key that is no
 * question or a value that is no option is an error naming file, line and the valid values (exit 2).
 */
export function questionnaireYaml(q: QuestionsFile): string {
  const lines = [
    '# dcplan maturity questionnaire: what an RVTools export cannot show.',
    '# Answer each question with one of the values listed under it (the text after the dash explains it), or leave',
    '# it empty: an unanswered question stays unanswered in the report, dcplan never guesses it.',
    '# Then: dcplan assess <export> --maturity this-file.yaml',
    '',
  ];
  for (const question of q.questions) {
    lines.push(`# ${question.question} (capability: ${question.capability})`);
    for (const o of question.options) lines.push(`#   ${o.value} - ${o.text} [${o.level}]`);
    lines.push(`${question.id}:`, '');
  }
  return lines.join('\n');
}

export function readMaturityAnswers(file: string, q: QuestionsFile): { file: string; values: Record<string, string> } {
  const shown = path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file) || file;
  const problems: Problem[] = [];
  const f = readYamlFile(path.resolve(file), shown, problems);
  if (!f) throw new UserError(problems);
  const data = f.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data))
    throw new UserError(error('maturity-answers-invalid', `${shown} is not a questionnaire: expected question: answer lines (write one with dcplan template maturity)`, { file: shown }));
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    const question = q.questions.find((x) => x.id === key);
    const at = { file: shown, row: f.lineOf([key]), path: [key] };
    if (!question) {
      problems.push(error('maturity-unknown-question', `"${key}" is not a question; the questions are ${q.questions.map((x) => x.id).join(', ')}`, at));
      continue;
    }
    if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) continue;
    const v = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw).trim() : JSON.stringify(raw);
    if (!question.options.some((o) => o.value === v)) {
      problems.push(error('maturity-bad-answer', `"${v}" is not an answer to ${key}; expected one of ${question.options.map((o) => o.value).join(', ')} (or leave it empty)`, at));
      continue;
    }
    values[key] = v;
  }
  if (problems.length > 0) throw new UserError(problems);
  return { file: shown, values };
}
