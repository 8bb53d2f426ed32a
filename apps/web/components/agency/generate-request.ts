import { type Campaign, GenerateBody, MAX_IDEAS_PER_TYPE, type Platform } from '@muse/contracts';
import { contractResolver, fromForm } from '@/components/forms/contract-form';
import { countOf } from '@/components/forms/form-errors';

/** What the generate dialog holds: counts as typed, the platforms picked, optional instructions. */
export interface GenerateDraft {
  numPosts: string;
  numReels: string;
  platforms: Platform[];
  instructions: string;
}

/** Starts from the campaign's plan, each count capped at what one run may ask for. */
export const generateDraftOf = (campaign: Campaign): GenerateDraft => ({
  numPosts: String(Math.min(campaign.numPosts || 3, MAX_IDEAS_PER_TYPE)),
  numReels: String(Math.min(campaign.numReels, MAX_IDEAS_PER_TYPE)),
  platforms: campaign.platforms,
  instructions: '',
});

/** Empty instructions are left out, so the run follows the brief alone. */
export const generateBodyOf = (draft: GenerateDraft) => ({
  numPosts: countOf(draft.numPosts),
  numReels: countOf(draft.numReels),
  platforms: draft.platforms,
  ...(draft.instructions.trim() ? { instructions: draft.instructions } : {}),
});

// The API would run an empty request with the campaign's own counts; the dialog asks for something instead.
const RunBody = GenerateBody.refine(
  (body) => (body.numPosts ?? 0) + (body.numReels ?? 0) > 0,
  'Ask for at least one post or reel',
);

/** Checks the dialog with the contract; a count out of range is answered with the range itself. */
export const generateResolver = contractResolver<GenerateDraft, GenerateBody>(
  fromForm(generateBodyOf, RunBody),
  {
    nouns: { platforms: 'at least one platform' },
    fixed: {
      numPosts: `Ask for 0 to ${MAX_IDEAS_PER_TYPE} posts`,
      numReels: `Ask for 0 to ${MAX_IDEAS_PER_TYPE} reels`,
    },
  },
);
