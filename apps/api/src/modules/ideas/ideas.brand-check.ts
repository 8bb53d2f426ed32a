import {
  type BrandCheck,
  type BrandCheckHold,
  checkBrand,
  type IdeaTransition,
  openWarnings,
} from '@muse/contracts';
import type { TenantTx } from '@muse/db';
import { AppError } from '../../http/app-error.ts';
import type { AuditEntry } from '../activity/audit.ts';
import { withBrandLimits } from '../clients/clients.repository.ts';
import { toIdea } from './ideas.presenter.ts';
import { type IdeaRecord, ideasRepository } from './ideas.repository.ts';

/** The brand check of each idea's current content, by idea id. */
export async function brandChecksOf(tx: TenantTx, ideas: IdeaRecord[]): Promise<Map<string, BrandCheck>> {
  const contexts = new Map(
    (await ideasRepository.brandContexts(tx, [...new Set(ideas.map((idea) => idea.campaignId))])).map(
      (campaign) => [campaign.id, campaign],
    ),
  );
  return new Map(
    ideas.map((idea) => {
      const campaign = contexts.get(idea.campaignId);
      const findings = campaign ? checkBrand(toIdea(idea), withBrandLimits(campaign.client), campaign) : [];
      return [idea.id, { ideaId: idea.id, version: idea.version, findings }];
    }),
  );
}

/**
 * Holds a sending to the client back while a sent idea has open warnings, unless the sender
 * confirmed them; a confirmation is an audit event per idea, naming what was confirmed. Called
 * after the ideas were written, in their transaction: a refusal rolls the sending back.
 */
export async function guardSending(
  tx: TenantTx,
  changes: { after: IdeaRecord; move?: IdeaTransition }[],
  confirmed: boolean,
): Promise<AuditEntry[]> {
  const sent = changes.filter(({ move }) => move?.to === 'PENDING_CLIENT').map(({ after }) => after);
  if (sent.length === 0) return [];
  const checks = await brandChecksOf(tx, sent);
  const open = sent.flatMap((idea) => {
    const warnings = openWarnings(checks.get(idea.id)?.findings ?? []);
    return warnings.length > 0 ? [{ idea, warnings }] : [];
  });
  if (open.length === 0) return [];
  if (!confirmed) {
    throw new AppError(
      'brand_check_open',
      open.length === 1
        ? 'The brand check has open warnings: confirm them to send anyway'
        : `${open.length} ideas have open brand check warnings: confirm them to send anyway`,
      {
        details: open.map(
          ({ idea, warnings }): BrandCheckHold => ({
            ideaId: idea.id,
            title: idea.title,
            findings: warnings,
          }),
        ),
      },
    );
  }
  return open.map(({ idea, warnings }) => ({
    entityId: idea.id,
    action: 'idea.brand_check_confirmed',
    data: {
      title: idea.title,
      version: idea.version,
      findings: warnings.map(({ rule, field, match }) => ({ rule, field, match })),
    },
  }));
}
