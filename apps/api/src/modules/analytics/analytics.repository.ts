import { CLIENT_ANSWER_STATUSES, type IdeaStatus } from '@muse/contracts';
import { Prisma, type TenantTx } from '@muse/db';

/** Which breakdown a row of figures belongs to (one grouping set of the query). */
export type FigureSet = 'total' | 'client' | 'campaign' | 'reviewer' | 'week';

/** The counts of one group of rounds, as the database aggregates them. */
export interface FigureRow {
  set: FigureSet;
  clientId: string | null;
  clientName: string | null;
  campaignId: string | null;
  campaignName: string | null;
  /** The client contact who answered, or the review link whose holder did (reviewer rows). */
  userId: string | null;
  userName: string | null;
  linkId: string | null;
  linkReviewerName: string | null;
  weekStart: Date | null;
  rounds: number;
  answered: number;
  waiting: number;
  overdue: number;
  withdrawn: number;
  medianAnswerSeconds: number | null;
  p90AnswerSeconds: number | null;
  firstRoundAnswered: number;
  firstRoundApproved: number;
  changeRequests: number;
  ideas: number;
}

export interface RoundsWindow {
  tenantId: string;
  /** Rounds sent at or after `start` and before `end`. */
  start: Date;
  end: Date;
  /** Midnight UTC of today: a waiting round whose review-by date is before it is overdue. */
  today: Date;
  clientId?: string;
}

const ANSWERS = Prisma.sql`(${Prisma.join([...CLIENT_ANSWER_STATUSES])})`;

export const analyticsRepository = {
  /**
   * Every breakdown of the rounds sent in the window, in one pass over the agency's idea moves
   * (the partial index `activity_events_idea_moves_idx`). A round is the moves of an idea that
   * carry the same `round` (each sending numbers a new one): its sending, the client's first
   * answer (the move out of PENDING_CLIENT to an answer), changed answers (the last one is the
   * round's answer), or the agency taking it back (PENDING_CLIENT → GENERATED). Answers come
   * after their sending, so reading moves from `start` on reads every round sent since.
   */
  async figures(tx: TenantTx, window: RoundsWindow): Promise<FigureRow[]> {
    const clientFilter = window.clientId
      ? Prisma.sql`and c.client_id = ${window.clientId}::uuid`
      : Prisma.empty;
    return tx.$queryRaw<FigureRow[]>`
      with moves as (
        select e.entity_id as idea_id, (e.data->>'round')::int as round, e.data->>'from' as from_status,
               e.data->>'to' as to_status, e.created_at, e.actor_id, e.review_link_id,
               (e.data->>'from' = 'PENDING_CLIENT' and e.data->>'to' in ${ANSWERS}) as first_answer
          from activity_events e
         where e.tenant_id = ${window.tenantId}::uuid and e.action = 'idea.status_changed'
           and e.created_at >= ${window.start}
      ),
      rounds as (
        select idea_id, round,
               min(created_at) filter (where to_status = 'PENDING_CLIENT') as sent_at,
               min(created_at) filter (where first_answer) as answered_at,
               (array_agg(actor_id order by created_at) filter (where first_answer))[1] as user_id,
               (array_agg(review_link_id order by created_at) filter (where first_answer))[1] as link_id,
               (array_agg(to_status order by created_at desc) filter (where to_status in ${ANSWERS}))[1] as answer,
               bool_or(from_status = 'PENDING_CLIENT' and to_status = 'GENERATED') as withdrawn
          from moves
         group by idea_id, round
      ),
      counted as (
        select r.idea_id, r.round, r.answer, r.user_id, r.link_id, r.answered_at, r.withdrawn,
               c.client_id, i.campaign_id,
               date_trunc('week', r.sent_at at time zone 'UTC')::date as week_start,
               extract(epoch from r.answered_at - r.sent_at)::float8 as answer_seconds,
               (r.answered_at is null and not r.withdrawn) as waiting,
               (r.answered_at is null and not r.withdrawn
                  and coalesce(rr.review_by, c.review_by) < ${window.today}::date) as overdue
          from rounds r
          join ideas i on i.id = r.idea_id
          join campaigns c on c.id = i.campaign_id
          left join review_rounds rr on rr.id = i.review_round_id
         where r.sent_at >= ${window.start} and r.sent_at < ${window.end} ${clientFilter}
      ),
      figures as (
        select case grouping(client_id, campaign_id, user_id, link_id, week_start)
                 when 31 then 'total' when 15 then 'client' when 7 then 'campaign'
                 when 9 then 'reviewer' else 'week' end as set,
               client_id, campaign_id, user_id, link_id, week_start,
               count(*)::int as rounds,
               count(answered_at)::int as answered,
               count(*) filter (where waiting)::int as waiting,
               count(*) filter (where overdue)::int as overdue,
               count(*) filter (where withdrawn)::int as withdrawn,
               percentile_cont(0.5) within group (order by answer_seconds) as median,
               percentile_cont(0.9) within group (order by answer_seconds) as p90,
               count(*) filter (where round = 1 and answer is not null)::int as first_round_answered,
               count(*) filter (where round = 1 and answer = 'CLIENT_APPROVED')::int as first_round_approved,
               count(*) filter (where answer = 'CHANGES_REQUESTED')::int as change_requests,
               count(distinct idea_id)::int as ideas
          from counted
         group by grouping sets ((), (client_id), (client_id, campaign_id), (client_id, user_id, link_id), (week_start))
      )
      select f.set, f.client_id as "clientId", cl.name as "clientName", f.campaign_id as "campaignId",
             ca.name as "campaignName", f.user_id as "userId", u.name as "userName", f.link_id as "linkId",
             rl.reviewer_name as "linkReviewerName", f.week_start as "weekStart", f.rounds, f.answered,
             f.waiting, f.overdue, f.withdrawn, f.median as "medianAnswerSeconds", f.p90 as "p90AnswerSeconds",
             f.first_round_answered as "firstRoundAnswered", f.first_round_approved as "firstRoundApproved",
             f.change_requests as "changeRequests", f.ideas
        from figures f
        left join clients cl on cl.id = f.client_id
        left join campaigns ca on ca.id = f.campaign_id
        left join users u on u.id = f.user_id
        left join review_links rl on rl.id = f.link_id
       -- the unanswered rounds have no reviewer
       where not (f.set = 'reviewer' and f.user_id is null and f.link_id is null)`;
  },

  /** How many ideas of each campaign are in each status now. */
  async statusesOf(tx: TenantTx, campaignIds: readonly string[]) {
    if (campaignIds.length === 0) return [];
    const rows = await tx.idea.groupBy({
      by: ['campaignId', 'status'],
      where: { campaignId: { in: [...campaignIds] } },
      _count: { _all: true },
    });
    return rows.map((row) => ({
      campaignId: row.campaignId,
      status: row.status as IdeaStatus,
      ideas: row._count._all,
    }));
  },
};
