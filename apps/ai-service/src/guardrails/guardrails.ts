import {
  type GeneratedIdea,
  PLATFORM_LIMITS,
  type PlatformLimits,
  plainLength,
  xWeightedLength,
} from '@muse/contracts';

export type GuardrailRule =
  | 'caption_too_long'
  | 'too_many_hashtags'
  | 'reel_duration'
  | 'reel_beats'
  | 'banned_phrase'
  | 'duplicate_title';

export interface Violation {
  rule: GuardrailRule;
  /** Written to be shown to the model when it is asked again, and to the agency in warnings. */
  message: string;
}

const LETTER_OR_DIGIT = String.raw`[\p{L}\p{N}_]`;
const HASHTAG_IN_TEXT = /#[\p{L}\p{N}_]+/gu;

/** The brand's don't list: whole words or phrases, any case, any spacing, and as run-together hashtags. */
export class BannedPhrases {
  private readonly phrases: { phrase: string; pattern: RegExp; compact: string }[];

  constructor(phrases: readonly string[]) {
    this.phrases = phrases
      .map((phrase) => phrase.trim())
      .filter(Boolean)
      .map((phrase) => {
        const words = phrase.split(/\s+/).map(escapeRegExp);
        return {
          phrase,
          pattern: new RegExp(
            `(?<!${LETTER_OR_DIGIT})${words.join(String.raw`[\s\-]+`)}(?!${LETTER_OR_DIGIT})`,
            'iu',
          ),
          compact: compactForm(phrase),
        };
      });
  }

  /** The phrases found in any of the texts or hashtags. */
  findIn(texts: readonly string[], hashtags: readonly string[]): string[] {
    const compactTags = new Set(hashtags.map(compactForm));
    return this.phrases
      .filter(({ pattern, compact }) => texts.some((text) => pattern.test(text)) || compactTags.has(compact))
      .map(({ phrase }) => phrase);
  }
}

/** Titles already taken: the ones to avoid and those accepted earlier in the run. */
export class TitleRegistry {
  private readonly taken = new Set<string>();

  constructor(titles: readonly string[] = []) {
    for (const title of titles) this.add(title);
  }

  has(title: string): boolean {
    return this.taken.has(normalizeTitle(title));
  }

  add(title: string): void {
    this.taken.add(normalizeTitle(title));
  }
}

/** Case, accents, punctuation and spacing do not make a title new. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The text as published: the caption, then the hashtags. */
export function publishedText(idea: Pick<GeneratedIdea, 'caption' | 'hashtags'>): string {
  return idea.hashtags.length > 0 ? `${idea.caption}\n\n${idea.hashtags.join(' ')}` : idea.caption;
}

/** Every rule an idea breaks; empty when it may be returned. */
export function checkIdea(
  idea: GeneratedIdea,
  rules: { banned: BannedPhrases; titles: TitleRegistry },
): Violation[] {
  const limits = PLATFORM_LIMITS[idea.platform];
  const violations: Violation[] = [];

  const text = publishedText(idea);
  const length = limits.weightedLength ? xWeightedLength(text) : plainLength(text);
  if (length > limits.captionMaxChars) {
    violations.push({
      rule: 'caption_too_long',
      message: `The caption and hashtags run to ${length} characters; ${limits.name} allows ${limits.captionMaxChars}.`,
    });
  }

  const hashtags = new Set(
    [...idea.hashtags, ...(idea.caption.match(HASHTAG_IN_TEXT) ?? [])].map((tag) => tag.toLowerCase()),
  );
  if (limits.maxHashtags !== null && hashtags.size > limits.maxHashtags) {
    violations.push({
      rule: 'too_many_hashtags',
      message: `It has ${hashtags.size} hashtags; ${limits.name} allows ${limits.maxHashtags}.`,
    });
  }

  if (idea.type === 'REEL') violations.push(...checkReel(idea, limits));

  const texts = [idea.title, idea.hook, idea.caption, idea.callToAction];
  if (idea.type === 'POST') texts.push(idea.visualDirection);
  else
    texts.push(
      idea.audioSuggestion,
      ...idea.beats.flatMap((beat) => [beat.shot, beat.voiceover, beat.onScreenText]),
    );
  for (const phrase of rules.banned.findIn(texts, idea.hashtags)) {
    violations.push({ rule: 'banned_phrase', message: `It uses "${phrase}", which the brand never says.` });
  }

  if (rules.titles.has(idea.title)) {
    violations.push({
      rule: 'duplicate_title',
      message: `The title "${idea.title}" repeats an existing idea.`,
    });
  }
  return violations;
}

function checkReel(idea: Extract<GeneratedIdea, { type: 'REEL' }>, limits: PlatformLimits): Violation[] {
  const violations: Violation[] = [];
  if (idea.durationSec < limits.reelMinSec || idea.durationSec > limits.reelMaxSec) {
    violations.push({
      rule: 'reel_duration',
      message: `The reel runs ${idea.durationSec} seconds; ${limits.name} takes ${limits.reelMinSec}–${limits.reelMaxSec}.`,
    });
  }
  const starts = idea.beats.map((beat) => beat.startSec);
  const ordered = starts.every((start, i) => i === 0 || start > (starts[i - 1] as number));
  if (starts[0] !== 0 || !ordered || (starts.at(-1) as number) >= idea.durationSec) {
    violations.push({
      rule: 'reel_beats',
      message: `The beats must start at 0 s, go strictly forward, and all begin before the end at ${idea.durationSec} s.`,
    });
  }
  return violations;
}

function compactForm(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
