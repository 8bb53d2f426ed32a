import { toCalendarDate } from '../../shared/calendar-date.ts';
import type { CampaignRow, IdeaCounts } from './campaigns.repository.ts';

/** A campaign as the contract has it: calendar dates, its client's name and its ideas per status. */
export function toCampaign(row: CampaignRow, ideaCounts: IdeaCounts = {}) {
  const { client, startDate, endDate, reviewBy, ...campaign } = row;
  return {
    ...campaign,
    clientName: client.name,
    startDate: toCalendarDate(startDate),
    endDate: toCalendarDate(endDate),
    reviewBy: toCalendarDate(reviewBy),
    ideaCounts,
    awaitingClient: ideaCounts.PENDING_CLIENT ?? 0,
  };
}
