import {
  type AcceptBrandProposalBody,
  type BrandProposal,
  type ListBrandProposalsQuery,
  UpdateClientBody,
} from '@muse/contracts';
import type { Database, TenantTx } from '@muse/db';
import { AppError, notFound } from '../../http/app-error.ts';
import { audit } from '../activity/audit.ts';
import type { UserActor } from '../auth/actor.ts';
import { tenantScopeOf } from '../auth/permissions.ts';
import { clientsRepository } from '../clients/clients.repository.ts';
import { updateClient } from '../clients/clients.service.ts';
import { asHashtag, type ProposalContent, profileChangeOf } from './brand-proposals.profile.ts';
import { type ProposalRecord, brandProposalsRepository as repository } from './brand-proposals.repository.ts';
import { captionLengthRule } from './brand-proposals.signals.ts';

const REASON_MAX = 500;

async function present(tx: TenantTx, rows: ProposalRecord[]): Promise<BrandProposal[]> {
  const deciders = [...new Set(rows.flatMap((row) => (row.decidedById ? [row.decidedById] : [])))];
  const names = await repository.userNames(tx, deciders);
  return rows.map(({ decidedById, createdAt, decidedAt, ...row }) => ({
    ...row,
    createdAt: createdAt.toISOString(),
    decidedAt: decidedAt?.toISOString() ?? null,
    decidedBy: decidedById ? { id: decidedById, name: names.get(decidedById) ?? 'A former member' } : null,
  }));
}

/** The proposal as the agency accepts it: its own words, or the agency's edit of them. */
function acceptedContent(proposal: ProposalRecord, body: AcceptBrandProposalBody): ProposalContent {
  if (proposal.kind === 'caption_length') {
    const maxCaptionChars = body.maxCaptionChars ?? proposal.maxCaptionChars;
    if (!proposal.platform || maxCaptionChars === null) throw new Error('caption length without its limit');
    return { ...proposal, maxCaptionChars, text: captionLengthRule(proposal.platform, maxCaptionChars) };
  }
  if (body.maxCaptionChars !== undefined) {
    throw new AppError('invalid_input', 'Only a caption length suggestion takes maxCaptionChars', {
      details: [
        {
          location: 'body',
          path: ['maxCaptionChars'],
          code: 'not_applicable',
          message: 'only for caption_length',
        },
      ],
    });
  }
  const text = body.text ?? proposal.text;
  return { ...proposal, text: proposal.kind.endsWith('_hashtag') ? asHashtag(text) : text };
}

/** The reason the new brand version records: the suggestion, then the agency's own words. */
function reasonOf(content: ProposalContent, reason: string | undefined): string {
  const full = `Accepted suggestion: ${content.text}${reason ? ` — ${reason}` : ''}`;
  return full.length > REASON_MAX ? `${full.slice(0, REASON_MAX - 1)}…` : full;
}

export function createBrandProposalsService(deps: { db: Database }) {
  const { db } = deps;

  /** The client's open proposal, locked; 404 for no such client or proposal, 409 once decided. */
  async function openProposal(tx: TenantTx, clientId: string, proposalId: string) {
    const proposal = await repository.findForDecision(tx, clientId, proposalId);
    if (!proposal) throw notFound('Brand suggestion');
    if (proposal.status !== 'open') {
      throw new AppError('conflict', `This suggestion was already ${proposal.status}`, {
        details: [{ reason: `already_${proposal.status}` }],
      });
    }
    return proposal;
  }

  return {
    async list(actor: UserActor, clientId: string, query: ListBrandProposalsQuery) {
      return db.withTenantTx(tenantScopeOf(actor), async (tx) => {
        if (!(await clientsRepository.findRef(tx, clientId, 'any'))) throw notFound('Client');
        return { items: await present(tx, await repository.list(tx, clientId, query.status)) };
      });
    },

    /**
     * One transaction: the proposal (as edited) goes into the profile through the client update,
     * which makes the next brand version with the reason "Accepted suggestion: …", and the
     * proposal records who accepted it and that version. A profile that cannot take it (a list
     * full, a text too long) is 409 and nothing changes.
     */
    async accept(actor: UserActor, clientId: string, proposalId: string, body: AcceptBrandProposalBody) {
      const tenantId = tenantScopeOf(actor);
      return db.withTenantTx(tenantId, async (tx) => {
        const proposal = await openProposal(tx, clientId, proposalId);
        // The profile is read under the client's lock: two suggestions accepted at once both land.
        await clientsRepository.lock(tx, clientId, 'update');
        const profile = await clientsRepository.findById(tx, clientId);
        if (!profile) throw notFound('Client');
        const content = acceptedContent(proposal, body);
        const change = UpdateClientBody.safeParse({
          ...profileChangeOf(profile, content),
          reason: reasonOf(content, body.reason),
        });
        if (!change.success) {
          throw new AppError('conflict', 'The brand profile cannot take this suggestion as it stands', {
            details: change.error.issues.map((issue) => ({
              field: issue.path.join('.'),
              message: issue.message,
            })),
          });
        }
        const client = await updateClient(tx, tenantId, actor, clientId, change.data);
        const decided = await repository.decide(tx, proposal.id, {
          status: 'accepted',
          decidedById: actor.userId,
          text: content.text,
          maxCaptionChars: content.maxCaptionChars,
          brandVersion: client.brandVersion,
        });
        await audit(tx, tenantId, actor, {
          entityId: clientId,
          action: 'client.brand_proposal_accepted',
          data: {
            name: client.name,
            proposalId: proposal.id,
            kind: proposal.kind,
            text: content.text,
            brandVersion: client.brandVersion,
          },
        });
        const [presented] = await present(tx, [decided]);
        return { proposal: presented as BrandProposal, client };
      });
    },

    /** The profile stays as it is, and the same suggestion is not made again. */
    async dismiss(actor: UserActor, clientId: string, proposalId: string): Promise<BrandProposal> {
      const tenantId = tenantScopeOf(actor);
      return db.withTenantTx(tenantId, async (tx) => {
        const proposal = await openProposal(tx, clientId, proposalId);
        const client = await clientsRepository.findRef(tx, clientId, 'any');
        if (!client) throw notFound('Client');
        const decided = await repository.decide(tx, proposal.id, {
          status: 'dismissed',
          decidedById: actor.userId,
        });
        await audit(tx, tenantId, actor, {
          entityId: clientId,
          action: 'client.brand_proposal_dismissed',
          data: { name: client.name, proposalId: proposal.id, kind: proposal.kind, text: proposal.text },
        });
        const [presented] = await present(tx, [decided]);
        return presented as BrandProposal;
      });
    },
  };
}
