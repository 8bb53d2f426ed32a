import {
  type AiIdeaExample,
  type CaptionMaxChars,
  type GenerateIdeasRequest,
  PLATFORM_LIMITS,
  type Platform,
} from '@muse/contracts';
import { normalizeHashtags } from '../generation/hashtags.ts';
import { normalizeTitle } from '../guardrails/guardrails.ts';

/** Enough to steer the model away from repeats without drowning the prompt; the guardrail checks them all. */
export const MAX_TITLES_IN_PROMPT = 60;

/** What the system prompt is rendered with: the brand, the campaign, the run. */
export interface PromptContext {
  brand: {
    name: string;
    industry: string | null;
    website: string | null;
    voice: string | null;
    audience: string | null;
    toneKeywords: string[];
    doList: string[];
    dontList: string[];
    hashtags: string[];
    /** Learned from review: the longest caption (without hashtags) the client wants, per platform. */
    captionMaxChars: CaptionMaxChars;
  };
  campaign: {
    name: string;
    objective: string | null;
    brief: string | null;
    keyMessages: string[];
    themes: string[];
    toneOverride: string | null;
    schedule: string | null;
  };
  platforms: { id: Platform; name: string }[];
  counts: { posts: number; reels: number };
  instructions: string | null;
  avoidTitles: string[];
  /** The client's recently approved ideas by type, approved-unchanged first (v2 templates). */
  examples: { posts: ExampleContext[]; reels: ExampleContext[] };
  /** What the client recently turned down, with its reason when it gave one (v2 templates). */
  turnedDown: { title: string; reason: string | null }[];
}

export interface ExampleContext {
  platform: string;
  title: string;
  hook: string;
  caption: string;
  callToAction: string;
  unchanged: boolean;
}

export interface PlatformContext {
  id: Platform;
  name: string;
  limits: { captionMaxChars: number; maxHashtags: number | null; reelMinSec: number; reelMaxSec: number };
  /** The client's own limit for the caption without hashtags (from v2 on); null when it set none. */
  brandCaptionMaxChars: number | null;
}

/** What a post or reel template is rendered with: the above plus the slots of one call. */
export interface TaskContext extends PromptContext {
  batch: {
    count: number;
    slots: { number: number; platform: Platform }[];
    /** The platforms of these slots, once each, with their limits. */
    platforms: PlatformContext[];
  };
  /** Problems with earlier drafts for these slots, phrased for the model. */
  feedback: string[];
}

export function buildPromptContext(request: GenerateIdeasRequest): PromptContext {
  const { brand, campaign } = request;
  return {
    brand: {
      name: brand.name,
      industry: textOrNull(brand.industry),
      website: textOrNull(brand.website),
      voice: textOrNull(brand.brandVoice),
      audience: textOrNull(brand.targetAudience),
      toneKeywords: brand.toneKeywords,
      doList: brand.doList,
      dontList: brand.dontList,
      hashtags: normalizeHashtags(brand.defaultHashtags),
      captionMaxChars: brand.captionMaxChars,
    },
    campaign: {
      name: campaign.name,
      objective: textOrNull(campaign.objective),
      brief: textOrNull(campaign.brief),
      keyMessages: campaign.keyMessages,
      themes: campaign.themes,
      toneOverride: textOrNull(campaign.toneOverride),
      schedule: describeSchedule(campaign.startDate ?? null, campaign.endDate ?? null),
    },
    platforms: request.platforms.map((id) => ({ id, name: PLATFORM_LIMITS[id].name })),
    counts: { posts: request.counts.posts, reels: request.counts.reels },
    instructions: textOrNull(request.instructions),
    avoidTitles: uniqueTitles(request.avoidTitles).slice(-MAX_TITLES_IN_PROMPT),
    examples: {
      posts: request.examples.filter((e) => e.type === 'POST').map(exampleContext),
      reels: request.examples.filter((e) => e.type === 'REEL').map(exampleContext),
    },
    turnedDown: request.turnedDown.map(({ title, reason }) => ({ title, reason: textOrNull(reason) })),
  };
}

function exampleContext(example: AiIdeaExample): ExampleContext {
  return {
    platform: PLATFORM_LIMITS[example.platform].name,
    title: example.title,
    hook: example.hook,
    caption: example.caption,
    callToAction: example.callToAction,
    unchanged: example.unchanged,
  };
}

/**
 * The context for one call: `slots` to fill, titles accepted so far in the run (listed first, as the
 * likeliest repeats) and feedback on rejected drafts.
 */
export function buildTaskContext(
  base: PromptContext,
  slots: readonly { number: number; platform: Platform }[],
  run: { acceptedTitles: readonly string[]; feedback: readonly string[] },
): TaskContext {
  return {
    ...base,
    batch: {
      count: slots.length,
      slots: slots.map(({ number, platform }) => ({ number, platform })),
      platforms: [...new Set(slots.map(({ platform }) => platform))].map((id) => {
        const { name, captionMaxChars, maxHashtags, reelMinSec, reelMaxSec } = PLATFORM_LIMITS[id];
        return {
          id,
          name,
          limits: { captionMaxChars, maxHashtags, reelMinSec, reelMaxSec },
          brandCaptionMaxChars: base.brand.captionMaxChars[id] ?? null,
        };
      }),
    },
    avoidTitles: uniqueTitles([...run.acceptedTitles, ...base.avoidTitles]).slice(0, MAX_TITLES_IN_PROMPT),
    feedback: [...run.feedback],
  };
}

function uniqueTitles(titles: readonly string[]): string[] {
  const seen = new Set<string>();
  return titles.filter((title) => {
    const key = normalizeTitle(title);
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function textOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function describeSchedule(start: string | null, end: string | null): string | null {
  const format = (date: string) => DATE_FORMAT.format(new Date(`${date}T00:00:00Z`));
  if (start && end) return `${format(start)} to ${format(end)}`;
  if (start) return `from ${format(start)}`;
  if (end) return `until ${format(end)}`;
  return null;
}
