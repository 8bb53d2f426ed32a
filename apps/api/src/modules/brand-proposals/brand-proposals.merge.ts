import type {
  AiBrandContext,
  BrandProposalEvidence,
  BrandProposalSource,
  BrandSnapshot,
  FeedbackProposalDraft,
  FeedbackRequestInput,
} from '@muse/contracts';
import { dedupKeyOf, type ProposalContent, profileHas } from './brand-proposals.profile.ts';
import {
  type ClientComment,
  captionLengthRule,
  type ReviewedIdea,
  type Signal,
} from './brand-proposals.signals.ts';

/** A proposal ready to be written: what it says, how sure, on what evidence, from whom. */
export interface DerivedProposal extends ProposalContent {
  dedupKey: string;
  confidence: number;
  evidence: BrandProposalEvidence;
  source: BrandProposalSource;
}

/** The short refs (I1, C1 …) the model cites, and the ids they stand for. */
export interface EvidenceRefs {
  ideaId: Map<string, string>;
  commentId: Map<string, string>;
}

/** The model's word alone is taken with some doubt; agreeing with a signal makes both surer. */
const MODEL_ONLY_WEIGHT = 0.8;
/** Most proposals one history adds. */
const MAX_PROPOSALS = 12;

/** The request for the AI service's feedback route, citing ideas and comments by short refs. */
export function feedbackRequestOf(input: {
  tenantId: string;
  brand: AiBrandContext;
  ideas: ReviewedIdea[];
  comments: ClientComment[];
  signals: Signal[];
}): { request: FeedbackRequestInput; refs: EvidenceRefs } {
  const ideaRef = new Map(input.ideas.map((idea, index) => [idea.id, `I${index + 1}`]));
  const commentRef = new Map(input.comments.map((comment, index) => [comment.id, `C${index + 1}`]));
  const refsOf = (ids: string[], refs: Map<string, string>) => ids.flatMap((id) => refs.get(id) ?? []);
  const request: FeedbackRequestInput = {
    tenantId: input.tenantId,
    brand: input.brand,
    ideas: input.ideas.map((idea) => ({
      ref: ideaRef.get(idea.id) as string,
      type: idea.type,
      platform: idea.platform,
      title: idea.title,
      outcome: idea.outcome,
      draft: idea.draft,
      answered: idea.current,
    })),
    comments: input.comments.map((comment) => ({
      ref: commentRef.get(comment.id) as string,
      ideaRef: ideaRef.get(comment.ideaId) as string,
      with: comment.with,
      text: comment.text,
    })),
    signals: input.signals.map((signal) => ({
      kind: signal.kind,
      text: signal.text,
      platform: signal.platform,
      maxCaptionChars: signal.maxCaptionChars,
      occurrences: signal.occurrences,
      ideaRefs: refsOf(signal.ideaIds, ideaRef),
      commentRefs: refsOf(signal.commentIds, commentRef),
      summary: signal.lines.join('; ').slice(0, 500),
    })),
  };
  const invert = (refs: Map<string, string>) => new Map([...refs].map(([id, ref]) => [ref, id]));
  return { request, refs: { ideaId: invert(ideaRef), commentId: invert(commentRef) } };
}

/** A model proposal with its refs read back as ids; null when it cites nothing of the request. */
function fromModel(draft: FeedbackProposalDraft, refs: EvidenceRefs): DerivedProposal | null {
  const ideaIds = draft.ideaRefs.flatMap((ref) => refs.ideaId.get(ref) ?? []);
  const commentIds = draft.commentRefs.flatMap((ref) => refs.commentId.get(ref) ?? []);
  if (ideaIds.length + commentIds.length === 0) return null;
  const captionLength = draft.kind === 'caption_length';
  if (captionLength && (!draft.platform || draft.maxCaptionChars === null)) return null;
  const content: ProposalContent = {
    kind: draft.kind,
    text:
      captionLength && draft.platform && draft.maxCaptionChars !== null
        ? captionLengthRule(draft.platform, draft.maxCaptionChars)
        : draft.text,
    platform: captionLength ? draft.platform : null,
    maxCaptionChars: captionLength ? draft.maxCaptionChars : null,
  };
  return {
    ...content,
    dedupKey: dedupKeyOf(content),
    confidence: Math.round(draft.confidence * MODEL_ONLY_WEIGHT * 100) / 100,
    evidence: {
      ideaIds: [...new Set(ideaIds)],
      commentIds: [...new Set(commentIds)],
      occurrences: Math.max(1, new Set(ideaIds).size + new Set(commentIds).size),
      lines: [draft.rationale],
    },
    source: 'model',
  };
}

function fromSignal(signal: Signal): DerivedProposal {
  const { confidence, occurrences, ideaIds, commentIds, lines, ...content } = signal;
  return {
    ...content,
    dedupKey: dedupKeyOf(content),
    confidence,
    evidence: { ideaIds, commentIds, occurrences, lines },
    source: 'signal',
  };
}

/**
 * The signals and the model's proposals as one list: a model proposal must cite ideas or
 * comments of the request; one that agrees with a signal (same kind and text, or a caption
 * length for the same platform) joins it, keeping the signal's wording and limit, with the
 * evidence of both and a confidence higher than either. What the profile already says is left out.
 */
export function mergeProposals(
  signals: Signal[],
  drafts: FeedbackProposalDraft[],
  refs: EvidenceRefs,
  profile: BrandSnapshot,
): DerivedProposal[] {
  const merged = new Map<string, DerivedProposal>();
  for (const signal of signals) {
    const proposal = fromSignal(signal);
    if (!merged.has(proposal.dedupKey)) merged.set(proposal.dedupKey, proposal);
  }
  for (const draft of drafts) {
    const proposal = fromModel(draft, refs);
    if (!proposal) continue;
    const known = merged.get(proposal.dedupKey);
    if (!known) {
      merged.set(proposal.dedupKey, proposal);
      continue;
    }
    if (known.source === 'model') continue;
    const modelConfidence = Math.min(1, proposal.confidence / MODEL_ONLY_WEIGHT);
    merged.set(proposal.dedupKey, {
      ...known,
      source: 'both',
      confidence: Math.round((1 - (1 - known.confidence) * (1 - modelConfidence)) * 100) / 100,
      evidence: {
        ideaIds: [...new Set([...known.evidence.ideaIds, ...proposal.evidence.ideaIds])],
        commentIds: [...new Set([...known.evidence.commentIds, ...proposal.evidence.commentIds])],
        occurrences: known.evidence.occurrences,
        lines: [...known.evidence.lines, ...proposal.evidence.lines],
      },
    });
  }
  return [...merged.values()]
    .filter((proposal) => !profileHas(profile, proposal))
    .sort((a, b) => b.confidence - a.confidence || a.dedupKey.localeCompare(b.dedupKey))
    .slice(0, MAX_PROPOSALS);
}
