import {
  type AnalyticsTable,
  type AnswerFigures,
  type ApprovalAnalytics,
  IDEA_STATUS_NAMES,
  IdeaStatus,
  type RoundFigures,
} from '@muse/contracts';
import { type CsvCell, csvTable } from '../../shared/csv.ts';

type Column<T> = readonly [string, (line: T) => CsvCell];

const hours = (seconds: number | null) => (seconds === null ? null : Number((seconds / 3600).toFixed(2)));
const percent = (share: number | null) => (share === null ? null : Number((share * 100).toFixed(1)));

const ANSWER_COLUMNS: readonly Column<AnswerFigures>[] = [
  ['Answered', (line) => line.answered],
  ['Median hours to answer', (line) => hours(line.medianAnswerSeconds)],
  ['P90 hours to answer', (line) => hours(line.p90AnswerSeconds)],
  ['First rounds answered', (line) => line.firstRoundAnswered],
  ['First rounds approved', (line) => line.firstRoundApproved],
  ['First-round approval %', (line) => percent(line.firstRoundApprovalRate)],
  ['Change requests', (line) => line.changeRequests],
  ['Change-request %', (line) => percent(line.changeRequestRate)],
  ['Ideas', (line) => line.ideas],
  ['Rounds per idea', (line) => (line.roundsPerIdea === null ? null : Number(line.roundsPerIdea.toFixed(2)))],
];

const ROUND_COLUMNS: readonly Column<RoundFigures>[] = [
  ['Rounds sent', (line) => line.sent],
  ...ANSWER_COLUMNS,
  ['Waiting', (line) => line.waiting],
  ['Overdue', (line) => line.overdue],
  ['Withdrawn', (line) => line.withdrawn],
];

type Line<K extends 'byClient' | 'byReviewer' | 'byCampaign' | 'byWeek'> = ApprovalAnalytics[K][number];

const CLIENT_COLUMNS: readonly Column<Line<'byClient'>>[] = [
  ['Client', (line) => line.clientName],
  ...ROUND_COLUMNS,
];

const REVIEWER_COLUMNS: readonly Column<Line<'byReviewer'>>[] = [
  ['Reviewer', (line) => line.reviewer.name],
  ['Reviewer kind', (line) => (line.reviewer.kind === 'contact' ? 'Client contact' : 'Review link')],
  ['Client', (line) => line.clientName],
  ...ANSWER_COLUMNS,
];

const CAMPAIGN_COLUMNS: readonly Column<Line<'byCampaign'>>[] = [
  ['Campaign', (line) => line.campaignName],
  ['Client', (line) => line.clientName],
  ...ROUND_COLUMNS,
  ...IdeaStatus.options.map(
    (status): Column<Line<'byCampaign'>> => [
      `Ideas now: ${IDEA_STATUS_NAMES[status]}`,
      (line) => line.statuses[status],
    ],
  ),
];

const WEEK_COLUMNS: readonly Column<Line<'byWeek'>>[] = [
  ['Week of', (line) => line.weekStart],
  ...ROUND_COLUMNS,
];

const tableOf = <T>(lines: readonly T[], columns: readonly Column<T>[]) =>
  csvTable(
    columns.map(([header]) => header),
    lines.map((line) => columns.map(([, cell]) => cell(line))),
  );

/** One table of the figures as CSV, the columns the page's table shows. */
export function analyticsCsv(figures: ApprovalAnalytics, table: AnalyticsTable): string {
  switch (table) {
    case 'clients':
      return tableOf(figures.byClient, CLIENT_COLUMNS);
    case 'reviewers':
      return tableOf(figures.byReviewer, REVIEWER_COLUMNS);
    case 'campaigns':
      return tableOf(figures.byCampaign, CAMPAIGN_COLUMNS);
    case 'weeks':
      return tableOf(figures.byWeek, WEEK_COLUMNS);
  }
}
