import type { ApprovalAnalytics, RoundFigures } from '@muse/contracts';
import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDuration, formatRate } from '@/lib/approvals';
import { BOARD_COLUMNS, formatDate, IDEA_STATUS } from '@/lib/labels';

type Column<T> = { header: string; cell: (line: T) => ReactNode; numeric?: boolean };

function FiguresTable<T>({
  caption,
  lines,
  columns,
  keyOf,
}: {
  caption: string;
  lines: readonly T[];
  columns: readonly Column<T>[];
  keyOf: (line: T) => string;
}) {
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHead key={column.header} scope="col" className={column.numeric ? 'text-right' : undefined}>
              {column.header}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={keyOf(line)}>
            {columns.map((column) => (
              <TableCell
                key={column.header}
                className={column.numeric ? 'text-right tabular-nums' : undefined}
              >
                {column.cell(line)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

const answerColumns = <
  T extends Omit<RoundFigures, 'sent' | 'waiting' | 'overdue' | 'withdrawn'>,
>(): Column<T>[] => [
  { header: 'Answered', cell: (line) => line.answered, numeric: true },
  { header: 'Median to answer', cell: (line) => formatDuration(line.medianAnswerSeconds), numeric: true },
  { header: 'P90 to answer', cell: (line) => formatDuration(line.p90AnswerSeconds), numeric: true },
  { header: 'First-round approval', cell: (line) => formatRate(line.firstRoundApprovalRate), numeric: true },
  { header: 'Change requests', cell: (line) => formatRate(line.changeRequestRate), numeric: true },
  {
    header: 'Rounds per idea',
    cell: (line) => (line.roundsPerIdea === null ? '—' : line.roundsPerIdea.toFixed(1)),
    numeric: true,
  },
];

const roundColumns = <T extends RoundFigures>(): Column<T>[] => [
  { header: 'Sent', cell: (line) => line.sent, numeric: true },
  ...answerColumns<T>(),
  { header: 'Waiting', cell: (line) => line.waiting, numeric: true },
  { header: 'Overdue', cell: (line) => line.overdue, numeric: true },
];

export function ClientsTable({ lines }: { lines: ApprovalAnalytics['byClient'] }) {
  return (
    <FiguresTable
      caption="Figures by client"
      lines={lines}
      keyOf={(line) => line.clientId}
      columns={[
        { header: 'Client', cell: (line) => line.clientName },
        ...roundColumns<(typeof lines)[number]>(),
      ]}
    />
  );
}

export function ReviewersTable({ lines }: { lines: ApprovalAnalytics['byReviewer'] }) {
  return (
    <FiguresTable
      caption="Figures by reviewer"
      lines={lines}
      keyOf={(line) => line.reviewer.id}
      columns={[
        { header: 'Reviewer', cell: (line) => line.reviewer.name },
        {
          header: 'Via',
          cell: (line) => (line.reviewer.kind === 'contact' ? 'Client contact' : 'Review link'),
        },
        { header: 'Client', cell: (line) => line.clientName },
        ...answerColumns<(typeof lines)[number]>(),
      ]}
    />
  );
}

export function CampaignsTable({ lines }: { lines: ApprovalAnalytics['byCampaign'] }) {
  type Line = (typeof lines)[number];
  return (
    <FiguresTable
      caption="Where each campaign's ideas stand"
      lines={lines}
      keyOf={(line) => line.campaignId}
      columns={[
        { header: 'Campaign', cell: (line) => line.campaignName },
        { header: 'Client', cell: (line) => line.clientName },
        { header: 'Sent', cell: (line) => line.sent, numeric: true },
        ...BOARD_COLUMNS.map(
          (status): Column<Line> => ({
            header: IDEA_STATUS[status].label,
            cell: (line) => line.statuses[status],
            numeric: true,
          }),
        ),
        { header: 'Overdue', cell: (line) => line.overdue, numeric: true },
      ]}
    />
  );
}

export function WeeksTable({ lines }: { lines: ApprovalAnalytics['byWeek'] }) {
  return (
    <FiguresTable
      caption="Figures by week"
      lines={lines}
      keyOf={(line) => line.weekStart}
      columns={[
        { header: 'Week of', cell: (line) => formatDate(line.weekStart) },
        ...roundColumns<(typeof lines)[number]>(),
      ]}
    />
  );
}
