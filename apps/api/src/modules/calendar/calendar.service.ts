import { CALENDAR_UNSCHEDULED_LIMIT, type CalendarQuery, IdeaStatus } from '@muse/contracts';
import type { Database, TenantTx } from '@muse/db';
import { AppError } from '../../http/app-error.ts';
import { fromCalendarDate, toCalendarDate } from '../../shared/calendar-date.ts';
import { hashSecretToken, isSecretTokenShaped, newSecretToken } from '../../shared/secret-token.ts';
import { type UserActor, userActor } from '../auth/actor.ts';
import { type Audience, audienceOf } from '../auth/audience.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { asSeenBy } from '../ideas/ideas.client-view.ts';
import { toIdea } from '../ideas/ideas.presenter.ts';
import { type CalendarIdeaFilter, ideasRepository } from '../ideas/ideas.repository.ts';
import { statusesFor } from '../ideas/ideas.service.ts';
import { calendarIcs } from './calendar.ics.ts';
import { calendarRepository, type DayRange } from './calendar.repository.ts';

const DAY_MS = 86_400_000;
/** What a subscription holds: the recent past and everything ahead. */
const FEED_DAYS_BEFORE = 60;
/** A feed shows what is planned to go out; rejected ideas are not. */
const FEED_STATUSES = IdeaStatus.options.filter(
  (status) => status !== 'AGENCY_REJECTED' && status !== 'CLIENT_REJECTED',
);

const unauthenticatedFeed = () =>
  new AppError('unauthenticated', 'This calendar address does not work (it may have been replaced)');

/** The client a caller's filter may name: a client contact only its own. */
const clientFilterOf = (audience: Audience, clientId: string | undefined) =>
  audience.kind === 'client' ? audience.clientId : clientId;

async function calendarIdeas(tx: TenantTx, audience: Audience, filter: CalendarIdeaFilter) {
  if (filter.statuses?.length === 0) return [];
  const rows = await asSeenBy(tx, audience, await ideasRepository.listForCalendar(tx, audience, filter));
  return rows.map(({ campaign, ...row }) => ({
    ...toIdea(row),
    campaignName: campaign.name,
    clientId: campaign.clientId,
    clientName: campaign.client.name,
  }));
}

export function createCalendarService(deps: {
  db: Database;
  auth: Pick<AuthService, 'member'>;
  webOrigin: string;
  now?: () => Date;
}) {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());

  return {
    /**
     * The days of the range as the caller may see them: its ideas, the approved ideas it could
     * still schedule (the agency's), and the campaigns' and open review rounds' dates.
     */
    async view(actor: UserActor, query: CalendarQuery) {
      const audience = audienceOf(actor);
      const range: DayRange = { from: fromCalendarDate(query.from), to: fromCalendarDate(query.to) };
      const empty = { ideas: [], unscheduled: [], campaigns: [], reviewsDue: [] };
      // A client contact asking for another client's calendar sees nothing of it.
      if (audience.kind === 'client' && query.clientId && query.clientId !== audience.clientId) return empty;
      const narrowing = {
        clientId: clientFilterOf(audience, query.clientId),
        campaignId: query.campaignId,
      };
      const filter = { ...narrowing, platform: query.platform };
      const schedulable = audience.kind === 'agency' && (!query.status || query.status === 'CLIENT_APPROVED');
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => ({
        ideas: await calendarIdeas(tx, audience, {
          ...range,
          ...filter,
          statuses: statusesFor(audience, query.status),
        }),
        unscheduled: schedulable
          ? await calendarIdeas(tx, audience, {
              unscheduled: true,
              ...filter,
              statuses: ['CLIENT_APPROVED'],
              take: CALENDAR_UNSCHEDULED_LIMIT,
            })
          : [],
        campaigns: (await calendarRepository.campaignsMeeting(tx, range, narrowing)).map(
          ({ client, ...campaign }) => ({
            ...campaign,
            clientName: client.name,
            startDate: toCalendarDate(campaign.startDate),
            endDate: toCalendarDate(campaign.endDate),
            reviewBy: toCalendarDate(campaign.reviewBy),
          }),
        ),
        // Review rounds are the agency's bookkeeping (their routes are the agency's too).
        reviewsDue:
          audience.kind === 'agency'
            ? (await calendarRepository.openRoundsDue(tx, range, narrowing)).flatMap((round) =>
                round.reviewBy
                  ? [
                      {
                        campaignId: round.campaignId,
                        campaignName: round.campaign.name,
                        reviewBy: toCalendarDate(round.reviewBy),
                      },
                    ]
                  : [],
              )
            : [],
      }));
    },

    async feed(actor: UserActor) {
      const feed = await db.withTenantTx(tenantScopeOf(actor), (tx) =>
        calendarRepository.findFeed(tx, actor.userId),
      );
      return { active: feed !== null, createdAt: feed?.createdAt.toISOString() ?? null };
    },

    /** A new secret address for the caller; the one it had stops working. */
    async rotateFeed(actor: UserActor) {
      const tenantId = tenantScopeOf(actor);
      const token = newSecretToken();
      const feed = await db.withTenantTx(tenantId, (tx) =>
        calendarRepository.saveFeed(tx, { tenantId, userId: actor.userId }, hashSecretToken(token), now()),
      );
      return {
        path: `/api/calendar/feed.ics?token=${token}`,
        createdAt: feed.createdAt.toISOString(),
      };
    },

    /** The member whose address the secret is, as the member is now (removed: 401). */
    async authenticateFeed(token: string | undefined): Promise<UserActor> {
      if (!token || !isSecretTokenShaped(token)) throw unauthenticatedFeed();
      const owner = await db.withPlatformTx((tx) =>
        calendarRepository.findOwnerOfToken(tx, hashSecretToken(token)),
      );
      if (!owner) throw unauthenticatedFeed();
      return userActor(await deps.auth.member(owner.tenantId, owner.userId));
    },

    /** The member's scheduled ideas as iCalendar, with what the member may see now. */
    async ics(actor: UserActor): Promise<string> {
      const audience = audienceOf(actor);
      const at = now();
      const today = fromCalendarDate(toCalendarDate(at));
      const statuses = FEED_STATUSES.filter((status) => statusesFor(audience, status)?.length !== 0);
      const ideas = await db.withTenantTx(tenantScopeOf(actor), (tx) =>
        calendarIdeas(tx, audience, {
          from: new Date(today.getTime() - FEED_DAYS_BEFORE * DAY_MS),
          clientId: clientFilterOf(audience, undefined),
          statuses,
        }),
      );
      return calendarIcs({
        calendarName: `${actor.client?.name ?? actor.tenant?.name ?? 'Muse'} content calendar`,
        ideas,
        audience,
        webOrigin: deps.webOrigin,
        now: at,
      });
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
