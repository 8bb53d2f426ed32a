import type { ReelBeat } from '@muse/contracts';
import { toCalendarDate } from '../../shared/calendar-date.ts';
import type { IdeaRecord } from './ideas.repository.ts';
import type { IdeaState } from './ideas.rules.ts';

/** The model the offline stand-in reports starts with this; the UI labels its ideas. */
const OFFLINE_MODEL_PREFIX = 'offline-';

type IdeaWithModel = IdeaRecord & { generation: { model: string | null } | null };

/** Reel beats are a JSON column that only the API writes, always in the contract's shape. */
const beatsOf = (row: IdeaRecord) => row.beats as ReelBeat[] | null;

export function toIdea(row: IdeaWithModel) {
  const { generation, ...idea } = row;
  return {
    ...idea,
    beats: beatsOf(row),
    scheduledFor: toCalendarDate(row.scheduledFor),
    offlineModel: generation?.model?.startsWith(OFFLINE_MODEL_PREFIX) ?? false,
  };
}

export function stateOf(row: IdeaRecord): IdeaState {
  return { ...row, beats: beatsOf(row), scheduledFor: toCalendarDate(row.scheduledFor) };
}
