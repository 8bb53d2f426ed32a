import type { Database } from '@muse/db';
import type { ApiConfig } from '../../config.ts';
import type { Actor } from '../auth/actor.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { generationsRepository } from '../generations/generations.repository.ts';
import { quotaPeriod } from '../generations/generations.rules.ts';
import { type CampaignUsage, usageRepository } from './usage.repository.ts';

function byClient(campaigns: CampaignUsage[]) {
  const clients = new Map<
    string,
    { clientId: string; clientName: string; tokens: number; generations: number }
  >();
  for (const line of campaigns) {
    const client = clients.get(line.clientId) ?? {
      clientId: line.clientId,
      clientName: line.clientName,
      tokens: 0,
      generations: 0,
    };
    client.tokens += line.tokens;
    client.generations += line.generations;
    clients.set(line.clientId, client);
  }
  return [...clients.values()].sort(
    (a, b) => b.tokens - a.tokens || a.clientName.localeCompare(b.clientName),
  );
}

export function createUsageService(deps: { db: Database; settings: ApiConfig['generation'] }) {
  return {
    /** This calendar month's tokens against the quota, as the quota check counts them. */
    async get(actor: Actor) {
      const tenantId = tenantScopeOf(actor);
      const period = quotaPeriod();
      const { spend, suggestionTokens, campaigns } = await deps.db.withTenantTx(tenantId, async (tx) => ({
        spend: await generationsRepository.monthSpend(
          tx,
          tenantId,
          period.start,
          deps.settings.tokensPerIdea,
        ),
        suggestionTokens: await generationsRepository.feedbackTokensUsed(tx, period.start),
        campaigns: await usageRepository.byCampaign(tx, period.start),
      }));
      const { monthlyTokenQuota, tokensUsed, tokensReserved } = spend;
      return {
        periodStart: period.start,
        periodEnd: period.end,
        monthlyTokenQuota,
        tokensUsed,
        suggestionTokens,
        tokensReserved,
        tokensRemaining: Math.max(0, monthlyTokenQuota - tokensUsed - tokensReserved),
        generations: campaigns.reduce((total, line) => total + line.generations, 0),
        byClient: byClient(campaigns),
        byCampaign: campaigns,
      };
    },

    /**
     * Whether any run can start: blocked once spent and reserved tokens reach the quota, the
     * point at which the quota check refuses even the smallest run.
     */
    async allowance(actor: Actor) {
      const tenantId = tenantScopeOf(actor);
      const period = quotaPeriod();
      const spend = await deps.db.withTenantTx(tenantId, (tx) =>
        generationsRepository.monthSpend(tx, tenantId, period.start, deps.settings.tokensPerIdea),
      );
      return {
        blocked: spend.tokensUsed + spend.tokensReserved >= spend.monthlyTokenQuota,
        resetsAt: period.end,
      };
    },
  };
}

export type UsageService = ReturnType<typeof createUsageService>;
