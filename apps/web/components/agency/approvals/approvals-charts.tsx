'use client';

import type { ApprovalAnalytics, IdeaStatus } from '@muse/contracts';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { durationScale } from '@/lib/approvals';
import { BOARD_COLUMNS, formatDate, IDEA_STATUS } from '@/lib/labels';

/** Tailwind's palette, as hex: SVG fills do not take class names. */
const COLOURS = {
  brand: '#7c3aed',
  brandLight: '#c4b5fd',
  slate: '#475569',
  grid: '#e2e8f0',
  amber: '#d97706',
} as const;

const STATUS_COLOURS: Record<IdeaStatus, string> = {
  GENERATED: '#94a3b8',
  PENDING_CLIENT: '#0284c7',
  CHANGES_REQUESTED: '#d97706',
  CLIENT_APPROVED: '#059669',
  CLIENT_REJECTED: '#dc2626',
  AGENCY_REJECTED: '#cbd5e1',
};

const AXIS = { stroke: COLOURS.slate, fontSize: 12, tickLine: false } as const;
const SIZE = { width: '100%', height: 280 } as const;
// Drawn at once: a chart that grows in is not what a screenshot or a quick look should catch.
const STILL = { isAnimationActive: false } as const;

/** The legend in the page's text colour: a pale series colour is no colour to read a name in. */
const legend = <Legend formatter={(name) => <span className="text-slate-700">{name}</span>} />;

const longest = (seconds: (number | null)[]) => Math.max(0, ...seconds.map((value) => value ?? 0));

/** Median and p90 time to answer side by side per client. */
export function TimeToAnswerChart({ lines }: { lines: ApprovalAnalytics['byClient'] }) {
  const scale = durationScale(longest(lines.map((line) => line.p90AnswerSeconds)));
  const data = lines.map((line) => ({
    name: line.clientName,
    median: scale.of(line.medianAnswerSeconds),
    p90: scale.of(line.p90AnswerSeconds),
  }));
  return (
    <BarChart responsive style={SIZE} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid stroke={COLOURS.grid} vertical={false} />
      <XAxis dataKey="name" {...AXIS} interval={0} />
      <YAxis {...AXIS} unit={` ${scale.unit}`} width={64} />
      <Tooltip formatter={(value) => `${value} ${scale.unit}`} />
      {legend}
      <Bar {...STILL} dataKey="median" name="Median" fill={COLOURS.brand} radius={[4, 4, 0, 0]} />
      <Bar {...STILL} dataKey="p90" name="P90" fill={COLOURS.brandLight} radius={[4, 4, 0, 0]} />
    </BarChart>
  );
}

/** Rounds sent and answered per week (bars), the median time to answer (line, right axis). */
export function WeeklyChart({ weeks }: { weeks: ApprovalAnalytics['byWeek'] }) {
  const scale = durationScale(longest(weeks.map((week) => week.medianAnswerSeconds)));
  const data = weeks.map((week) => ({
    name: formatDate(week.weekStart),
    sent: week.sent,
    answered: week.answered,
    median: scale.of(week.medianAnswerSeconds),
  }));
  return (
    <ComposedChart responsive style={SIZE} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid stroke={COLOURS.grid} vertical={false} />
      <XAxis dataKey="name" {...AXIS} />
      <YAxis yAxisId="rounds" {...AXIS} allowDecimals={false} width={40} />
      <YAxis yAxisId="time" orientation="right" {...AXIS} unit={` ${scale.unit}`} width={64} />
      <Tooltip />
      {legend}
      <Bar
        {...STILL}
        yAxisId="rounds"
        dataKey="sent"
        name="Rounds sent"
        fill={COLOURS.brandLight}
        radius={[4, 4, 0, 0]}
      />
      <Bar
        {...STILL}
        yAxisId="rounds"
        dataKey="answered"
        name="Answered"
        fill={COLOURS.brand}
        radius={[4, 4, 0, 0]}
      />
      <Line
        {...STILL}
        yAxisId="time"
        dataKey="median"
        name={`Median ${scale.unit === 'h' ? 'hours' : 'minutes'} to answer`}
        stroke={COLOURS.amber}
        strokeWidth={2}
        connectNulls
      />
    </ComposedChart>
  );
}

/** Each campaign's ideas by where they stand now, stacked. */
export function CampaignStandingChart({ campaigns }: { campaigns: ApprovalAnalytics['byCampaign'] }) {
  const data = campaigns.map((line) => ({ name: line.campaignName, ...line.statuses }));
  return (
    <BarChart
      responsive
      style={{ width: '100%', height: Math.max(160, 48 * data.length + 80) }}
      data={data}
      layout="vertical"
      margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
    >
      <CartesianGrid stroke={COLOURS.grid} horizontal={false} />
      <XAxis type="number" {...AXIS} allowDecimals={false} />
      <YAxis type="category" dataKey="name" {...AXIS} width={140} />
      <Tooltip />
      {legend}
      {BOARD_COLUMNS.map((status) => (
        <Bar
          {...STILL}
          key={status}
          dataKey={status}
          name={IDEA_STATUS[status].label}
          stackId="ideas"
          fill={STATUS_COLOURS[status]}
        />
      ))}
    </BarChart>
  );
}
