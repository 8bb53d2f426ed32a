import { IDEA_STATUS_NAMES, IDEA_TYPE_NAMES, PLATFORM_NAMES, type ReelBeat } from '@muse/contracts';
import { type CsvCell as Cell, csvTable } from '../../shared/csv.ts';
import type { toIdea } from './ideas.presenter.ts';

type Idea = ReturnType<typeof toIdea>;

const COLUMNS: readonly [string, (idea: Idea) => Cell][] = [
  ['ID', (idea) => idea.id],
  ['Type', (idea) => IDEA_TYPE_NAMES[idea.type]],
  ['Platform', (idea) => PLATFORM_NAMES[idea.platform]],
  ['Status', (idea) => IDEA_STATUS_NAMES[idea.status]],
  ['Round', (idea) => idea.round],
  ['Title', (idea) => idea.title],
  ['Hook', (idea) => idea.hook],
  ['Caption', (idea) => idea.caption],
  ['Hashtags', (idea) => idea.hashtags.join(' ')],
  ['Call to action', (idea) => idea.callToAction],
  ['Visual direction', (idea) => idea.visualDirection],
  ['Duration (s)', (idea) => idea.durationSec],
  ['Script', (idea) => scriptOf(idea.beats)],
  ['Audio', (idea) => idea.audioSuggestion],
  ['Scheduled for', (idea) => idea.scheduledFor],
  ['Offline model', (idea) => (idea.offlineModel ? 'yes' : 'no')],
  ['Created at', (idea) => idea.createdAt],
  ['Updated at', (idea) => idea.updatedAt],
];

/** A reel's beats, one line each: "0s · shot · VO: … · Text: …". */
function scriptOf(beats: ReelBeat[] | null): string | null {
  if (!beats) return null;
  return beats
    .map((beat) =>
      [
        `${beat.startSec}s`,
        beat.shot,
        beat.voiceover && `VO: ${beat.voiceover}`,
        beat.onScreenText && `Text: ${beat.onScreenText}`,
      ]
        .filter(Boolean)
        .join(' · '),
    )
    .join('\n');
}

/** The ideas as RFC 4180 CSV: a header row, CRLF line ends. */
export function ideasCsv(ideas: readonly Idea[]): string {
  return csvTable(
    COLUMNS.map(([header]) => header),
    ideas.map((idea) => COLUMNS.map(([, cell]) => cell(idea))),
  );
}

/** A download name from the campaign's name: ASCII, lower case, hyphens. */
export function csvFileName(campaignName: string): string {
  const slug = campaignName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${slug || 'campaign'}-ideas.csv`;
}
