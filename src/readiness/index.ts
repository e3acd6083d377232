export * from './types';
export { scoreReadiness, selectPlatforms, selectProfile } from './engine';
export type { ScoreInput, ReadinessConfig } from './engine';
export { loadRules, loadProfileFile, DEFAULT_RULES_DIR, REQUIRED_CRITERIA } from './loader';
export { lintRules } from './lint';
export type { LintResult } from './lint';
export type { RuleSet } from './model';
export { renderScorecardText } from './render';
