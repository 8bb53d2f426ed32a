import { type BrandProposal, type BrandProposalKind, PLATFORM_NAMES } from '@muse/contracts';
import { BRAND_FIELD_LABELS } from './brand-changes';
import { plural } from './labels';

/** Where an accepted suggestion lands, in the brand form's own words. */
const KIND_LABELS: Record<BrandProposalKind, string> = {
  never_use: BRAND_FIELD_LABELS.dontList,
  banned_hashtag: 'Banned hashtag',
  always: BRAND_FIELD_LABELS.doList,
  preferred_hashtag: 'Preferred hashtag',
  voice_note: 'Voice note',
  caption_length: BRAND_FIELD_LABELS.captionMaxChars,
};

export function proposalKindLabel(proposal: Pick<BrandProposal, 'kind' | 'platform'>): string {
  const label = KIND_LABELS[proposal.kind];
  return proposal.kind === 'caption_length' && proposal.platform
    ? `${label} · ${PLATFORM_NAMES[proposal.platform]}`
    : label;
}

/** Confidence in words first, the figure after: people weigh "high" faster than "0.82". */
export function confidenceLabel(confidence: number): string {
  const word = confidence >= 0.75 ? 'High' : confidence >= 0.5 ? 'Medium' : 'Low';
  return `${word} confidence (${Math.round(confidence * 100)}%)`;
}

/** "Seen 3 times · 2 ideas · 2 comments" */
export function evidenceSummary(evidence: BrandProposal['evidence']): string {
  return [
    `Seen ${plural(evidence.occurrences, 'time')}`,
    evidence.ideaIds.length > 0 ? plural(evidence.ideaIds.length, 'idea') : null,
    evidence.commentIds.length > 0 ? plural(evidence.commentIds.length, 'comment') : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
