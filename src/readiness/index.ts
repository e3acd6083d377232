export * from './types';
export { scoreReadiness, ScoreInput, ReadinessConfig } from './engine';
export { loadRules, loadProfileFile, DEFAULT_RULES_DIR, REQUIRED_CRITERIA } from './loader';
export { lintRules } from './lint';
export { RuleSet } from './model';
