import type { ReelBeat } from '@muse/contracts';
import { toCalendarDate } from '../../shared/calendar-date.ts';
import type { IdeaRecord } from './ideas.repository.ts';
import type { IdeaState } from './ideas.rules.ts';

/** Reel beats are a JSON column that only the API writes, always in the contract's shape. */
const beatsOf = (row: IdeaRecord) => row.beats as ReelBeat[] | null;

export function toIdea(row: IdeaRecord) {
  return { ...row, beats: beatsOf(row), scheduledFor: toCalendarDate(row.scheduledFor) };
}

export function stateOf(row: IdeaRecord): IdeaState {
  return { ...row, beats: beatsOf(row), scheduledFor: toCalendarDate(row.scheduledFor) };
}
