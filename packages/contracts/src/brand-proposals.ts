import { z } from 'zod';
import { BrandChangeReason } from './brand-versions.ts';
import { Client } from './clients.ts';
import { Platform } from './common.ts';
import { defineRouteContracts, IdParams, Timestamp } from './routes.ts';

/*
 * Brand suggestions learned from review: what a client's rejections, change requests and the
 * agency's edits of AI drafts say the brand profile is missing. Nothing reaches the profile until
 * the agency accepts a suggestion; accepting makes a new brand profile version.
 */

/**
 * What a suggestion adds to the brand profile:
 * `never_use` → dontList; `banned_hashtag` → dontList as "#tag" (the brand check reads hashtags
 * there); `always` → doList; `preferred_hashtag` → defaultHashtags; `voice_note` → a sentence
 * appended to brandVoice; `caption_length` → captionMaxChars of its platform.
 */
export const BrandProposalKind = z.enum([
  'never_use',
  'always',
  'voice_note',
  'preferred_hashtag',
  'banned_hashtag',
  'caption_length',
]);
export type BrandProposalKind = z.infer<typeof BrandProposalKind>;

/** `signal`: counted from the review history; `model`: read by the AI; `both`: they agreed. */
export const BrandProposalSource = z.enum(['signal', 'model', 'both']);
export type BrandProposalSource = z.infer<typeof BrandProposalSource>;

export const BrandProposalStatus = z.enum(['open', 'accepted', 'dismissed']);
export type BrandProposalStatus = z.infer<typeof BrandProposalStatus>;

/** What a suggestion rests on: the ideas and comments it was read from, and in plain words what they show. */
export const BrandProposalEvidence = z
  .object({
    ideaIds: z.array(z.uuid()),
    commentIds: z.array(z.uuid()),
    /** How often the pattern was seen (removals, rejections, requests). */
    occurrences: z.int().min(1),
    /** Summary lines and quotes, e.g. “Too cheap sounding” or “removed “cheap” from 2 drafts”. */
    lines: z.array(z.string()),
  })
  .meta({ id: 'BrandProposalEvidence' });
export type BrandProposalEvidence = z.infer<typeof BrandProposalEvidence>;

export const BrandProposal = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    kind: BrandProposalKind,
    /** The phrase, rule, note or hashtag (with #); for caption_length a sentence saying the limit. */
    text: z.string(),
    /** caption_length only: the platform the limit is for. */
    platform: Platform.nullable(),
    /** caption_length only: the longest caption (without hashtags) the client wants there. */
    maxCaptionChars: z.int().nullable(),
    confidence: z.number().min(0).max(1),
    evidence: BrandProposalEvidence,
    source: BrandProposalSource,
    status: BrandProposalStatus,
    /** The review round whose answer led to it; null when its round was deleted. */
    fromRoundId: z.uuid().nullable(),
    createdAt: Timestamp,
    decidedAt: Timestamp.nullable(),
    /** Who accepted or dismissed it; null while open (or when that user is gone, with decidedAt set). */
    decidedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    /** The brand profile version accepting it made. */
    brandVersion: z.int().min(1).nullable(),
  })
  .meta({ id: 'BrandProposal' });
export type BrandProposal = z.infer<typeof BrandProposal>;

/** Most suggestions a list answers: the open ones first, then the newest decided. */
export const MAX_LISTED_BRAND_PROPOSALS = 100;

export const BrandProposalList = z
  .object({ items: z.array(BrandProposal).max(MAX_LISTED_BRAND_PROPOSALS) })
  .meta({ id: 'BrandProposalList' });
export type BrandProposalList = z.infer<typeof BrandProposalList>;

export const ListBrandProposalsQuery = z.strictObject({ status: BrandProposalStatus.optional() });
export type ListBrandProposalsQuery = z.infer<typeof ListBrandProposalsQuery>;

export const BrandProposalParams = z.strictObject({ id: z.uuid(), proposalId: z.uuid() });
export type BrandProposalParams = z.infer<typeof BrandProposalParams>;

/** Accept as suggested, or with the agency's edit of its text (or limit), and why. */
export const AcceptBrandProposalBody = z
  .strictObject({
    text: z.string().trim().min(1).max(500).optional(),
    /** caption_length only. */
    maxCaptionChars: z.int().min(40).max(5000).optional(),
    /** Kept with the new brand version after “Accepted suggestion: …”. */
    reason: BrandChangeReason.optional(),
  })
  .meta({ id: 'AcceptBrandProposalBody' });
export type AcceptBrandProposalBody = z.infer<typeof AcceptBrandProposalBody>;

export const AcceptedBrandProposal = z
  .object({ proposal: BrandProposal, client: Client })
  .meta({ id: 'AcceptedBrandProposal' });
export type AcceptedBrandProposal = z.infer<typeof AcceptedBrandProposal>;

export const brandProposalRoutes = defineRouteContracts({
  list: {
    method: 'GET',
    path: '/api/clients/:id/brand-proposals',
    summary: 'Brand suggestions learned from the client’s reviews, open ones first',
    description: `Each with its evidence and confidence; \`status\` keeps one kind. At most ${MAX_LISTED_BRAND_PROPOSALS}. Agency users only.`,
    tags: ['clients'],
    auth: 'bearer',
    params: IdParams,
    query: ListBrandProposalsQuery,
    response: BrandProposalList,
  },
  accept: {
    method: 'POST',
    path: '/api/clients/:id/brand-proposals/:proposalId/accept',
    summary: 'Accept a brand suggestion into the brand profile',
    description:
      'Applies it (as edited) to the profile, which makes a new brand version with the reason “Accepted suggestion: …”. ' +
      'A suggestion already accepted or dismissed is 409 conflict.',
    tags: ['clients'],
    auth: 'bearer',
    params: BrandProposalParams,
    body: AcceptBrandProposalBody,
    response: AcceptedBrandProposal,
    errors: [409],
  },
  dismiss: {
    method: 'POST',
    path: '/api/clients/:id/brand-proposals/:proposalId/dismiss',
    summary: 'Dismiss a brand suggestion',
    description:
      'The profile is not changed, and the same suggestion is not made again. A suggestion already decided is 409 conflict.',
    tags: ['clients'],
    auth: 'bearer',
    params: BrandProposalParams,
    response: BrandProposal,
    errors: [409],
  },
});
