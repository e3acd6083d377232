import { Flags } from '@oclif/core';
import * as path from 'path';
import { BaseCommand } from '../../cli/base-command';
import { throwIfErrors } from '../../diagnostics';
import { loadRules } from '../../readiness';

export interface RulesListResult {
  criteria: { id: string; title: string; scale: string[] }[];
  platforms: { id: string; name: string; era: string }[];
  profiles: { id: string; name: string; weights: Record<string, number> }[];
  workloadRules: { id: string; title: string; severity: string; scope: string; needs: string[] }[];
}

export default class RulesList extends BaseCommand {
  static summary = 'List the readiness criteria, platforms, weight profiles and workload rules';
  static examples = ['<%= config.bin %> rules list', '<%= config.bin %> rules list --json'];
  static flags = {
    'rules-dir': Flags.string({ description: 'list this folder instead of the rules shipped with dcplan' }),
  };

  async run(): Promise<RulesListResult> {
    const { flags } = await this.parse(RulesList);
    const { rules, problems } = loadRules(flags['rules-dir'] ? path.resolve(flags['rules-dir']) : undefined);
    throwIfErrors(problems);
    const r = rules!;
    const result: RulesListResult = {
      criteria: r.criteria.map((c) => ({ id: c.id, title: c.title, scale: c.scale.map((s) => `${s.label} (${s.score})`) })),
      platforms: r.platforms.map((p) => ({ id: p.id, name: p.name, era: p.era })),
      profiles: r.profiles.map((p) => ({ id: p.id, name: p.name, weights: p.weights })),
      workloadRules: r.workloadRules.map((w) => ({ id: w.id, title: w.title, severity: w.severity, scope: w.scope, needs: w.needs })),
    };
    const w = (rows: string[][]) => {
      const widths = rows[0].map((_, i) => Math.max(...rows.map((x) => x[i].length)));
      return rows.map((x) => x.map((c, i) => (i === x.length - 1 ? c : c.padEnd(widths[i] + 2))).join('').trimEnd()).join('\n');
    };
    this.say('Criteria');
    this.say(w(result.criteria.map((c) => [`  ${c.id}`, c.title, c.scale.join(' / ')])));
    this.say('\nPlatforms (--platforms ids, or all / current / seed)');
    this.say(w(result.platforms.map((p) => [`  ${p.id}`, p.era, p.name])));
    this.say('\nProfiles (--profile id)');
    const weights = (ws: Record<string, number>) =>
      r.criteria.map((c) => ws[c.id]).join('/');
    this.say(w(result.profiles.map((p) => [`  ${p.id}`, p.name, `weights ${weights(p.weights)}`])));
    this.say('\nWorkload rules');
    this.say(w(result.workloadRules.map((x) => [`  ${x.id}`, x.severity, x.scope, x.title])));
    return result;
  }
}
