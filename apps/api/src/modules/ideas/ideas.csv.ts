import { IDEA_STATUS_NAMES, IDEA_TYPE_NAMES, PLATFORM_NAMES, type ReelBeat } from '@muse/contracts';
import type { toIdea } from './ideas.presenter.ts';

type Idea = ReturnType<typeof toIdea>;
type Cell = string | number | Date | null;

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

/**
 * What a spreadsheet would run as a formula (or hide it in): OWASP's list of leading characters,
 * and their fullwidth forms, which some spreadsheets fold to ASCII when they parse a cell.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV field: text a spreadsheet would read as a formula is kept as text by a leading
 * apostrophe, and a field with a quote, comma or line break is quoted, quotes doubled (RFC 4180).
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The ideas as RFC 4180 CSV: a header row, CRLF line ends. */
export function ideasCsv(ideas: readonly Idea[]): string {
  const rows = [
    COLUMNS.map(([header]) => header),
    ...ideas.map((idea) => COLUMNS.map(([, cell]) => cell(idea))),
  ];
  return rows
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
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
