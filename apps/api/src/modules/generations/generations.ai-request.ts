import type { AiBrandContext, BrandSnapshot, GenerateIdeasRequestInput, Platform } from '@muse/contracts';
import type { CampaignContext } from './generations.repository.ts';

export interface RunContext {
  tenantId: string;
  generation: {
    requestedPosts: number;
    requestedReels: number;
    platforms: Platform[];
    instructions: string | null;
  };
  campaign: CampaignContext;
  /** Titles of the campaign's ideas, which the new ones must not repeat. */
  existingTitles: string[];
  /** Regeneration: the idea the run writes a new version of. */
  idea: { title: string } | null;
}

/** The brand profile as the AI service reads it, for every request that writes or reads in the brand's voice. */
export function aiBrandOf(client: Omit<BrandSnapshot, 'platforms'>): AiBrandContext {
  return {
    name: client.name,
    industry: client.industry,
    website: client.website,
    brandVoice: client.brandVoice,
    toneKeywords: client.toneKeywords,
    targetAudience: client.targetAudience,
    doList: client.doList,
    dontList: client.dontList,
    defaultHashtags: client.defaultHashtags,
    captionMaxChars: client.captionMaxChars,
  };
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** What the AI service is asked for: the campaign and its brand, the counts, and what to avoid. */
export function buildAiRequest(run: RunContext): GenerateIdeasRequestInput {
  const { campaign, generation, idea } = run;
  const { client } = campaign;
  const instructions = idea
    ? [`Write a fresh take that replaces the idea titled "${idea.title}".`, generation.instructions]
        .filter(Boolean)
        .join(' ')
    : generation.instructions;
  return {
    tenantId: run.tenantId,
    campaign: {
      name: campaign.name,
      objective: campaign.objective,
      brief: campaign.brief,
      keyMessages: campaign.keyMessages,
      themes: campaign.themes,
      toneOverride: campaign.toneOverride,
      startDate: isoDate(campaign.startDate),
      endDate: isoDate(campaign.endDate),
    },
    brand: aiBrandOf(client),
    counts: { posts: generation.requestedPosts, reels: generation.requestedReels },
    platforms: generation.platforms,
    instructions,
    avoidTitles: run.existingTitles,
    examples: campaign.history.examples,
    turnedDown: campaign.history.turnedDown,
  };
}
