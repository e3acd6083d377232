import { CheckpointKind, readCheckpoint } from '../util/checkpoint';
import { SCORECARD_SCHEMA, ScorecardSchema } from './scorecard-schema';
import { Scorecard } from './types';

export const SCORECARD_FILE: CheckpointKind<Scorecard> = {
  noun: 'Scorecard',
  tag: SCORECARD_SCHEMA,
  schema: ScorecardSchema,
  invalidCode: 'invalid-scorecard',
  createHint: 'Create it with: dcplan score --inventory inventory.json --out scorecard.json',
  versionHint: 'Run dcplan score again to write a scorecard this version reads.',
};

/** Reads `scorecard.json`, validated like every checkpoint: exit-2 problems naming the file and the field's path. */
export function readScorecard(file: string, displayName: string = file): Scorecard {
  return readCheckpoint(file, SCORECARD_FILE, displayName);
}
