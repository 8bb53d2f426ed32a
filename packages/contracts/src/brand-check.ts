import { z } from 'zod';
import type { CaptionMaxChars } from './brand-versions.ts';
import type { IdeaType, Platform, ReelBeat } from './common.ts';
import { IDEA_CONTENT_FIELDS } from './idea-content.ts';
import { PLATFORM_LIMITS } from './platform-limits.ts';
import { plainLength, xWeightedLength } from './text-length.ts';

/**
 * The brand check an idea passes before it goes to the client: what a reviewer at the agency
 * should look at once more. Pure, so the API (which refuses a send with open warnings) and
 * anything that shows the findings compute the same thing.
 *
 * The brand's learned rules are not a list of their own: rules learned from review land in the
 * brand profile's don't list, which `brand_dont` reads, and in its caption lengths per platform,
 * which `brand_length` reads.
 */
export const BrandCheckRule = z.enum([
  'brand_dont',
  'brand_length',
  'platform_limit',
  'claim',
  'too_many_hashtags',
  'missing_call_to_action',
]);
export type BrandCheckRule = z.infer<typeof BrandCheckRule>;

/** A warning must be confirmed before the idea is sent; a note is only shown. */
export const BrandCheckSeverity = z.enum(['warning', 'note']);
export type BrandCheckSeverity = z.infer<typeof BrandCheckSeverity>;

/** A finding is about one of the idea's content fields. */
export const BrandCheckField = z.enum(IDEA_CONTENT_FIELDS);
export type BrandCheckField = z.infer<typeof BrandCheckField>;

export const BrandCheckFinding = z
  .object({
    rule: BrandCheckRule,
    severity: BrandCheckSeverity,
    field: BrandCheckField,
    /** The text as it stands in the field (empty when the finding is about something missing). */
    match: z.string(),
    message: z.string(),
  })
  .meta({ id: 'BrandCheckFinding' });
export type BrandCheckFinding = z.infer<typeof BrandCheckFinding>;

export const BrandCheck = z
  .object({
    ideaId: z.uuid(),
    /** The idea's version the findings are about. */
    version: z.int(),
    findings: z.array(BrandCheckFinding),
  })
  .meta({ id: 'BrandCheck' });
export type BrandCheck = z.infer<typeof BrandCheck>;

/** One entry of `error.details` of 409 `brand_check_open`: an idea held back, with its open warnings. */
export const BrandCheckHold = z
  .object({ ideaId: z.uuid(), title: z.string(), findings: z.array(BrandCheckFinding) })
  .meta({ id: 'BrandCheckHold' });
export type BrandCheckHold = z.infer<typeof BrandCheckHold>;

export interface BrandCheckIdea {
  type: IdeaType;
  platform: Platform;
  title: string;
  hook: string;
  caption: string;
  hashtags: readonly string[];
  callToAction: string;
  visualDirection: string | null;
  durationSec: number | null;
  beats: readonly ReelBeat[] | null;
  audioSuggestion: string | null;
}

export interface BrandCheckBrand {
  dontList: readonly string[];
  captionMaxChars: CaptionMaxChars;
}

export interface BrandCheckCampaign {
  objective: string;
}

/** Beyond this many hashtags a post reads as spam on every platform, whatever the platform allows. */
export const RECOMMENDED_MAX_HASHTAGS = 5;

/**
 * Campaigns have no switch for it: a campaign with an objective wants the reader to do something,
 * so each of its ideas should say what.
 */
export function campaignWantsCallToAction(campaign: BrandCheckCampaign): boolean {
  return campaign.objective.trim() !== '';
}

/** Only warnings hold a sending back. */
export function openWarnings(findings: readonly BrandCheckFinding[]): BrandCheckFinding[] {
  return findings.filter((finding) => finding.severity === 'warning');
}

export function checkBrand(
  idea: BrandCheckIdea,
  brand: BrandCheckBrand,
  campaign: BrandCheckCampaign,
): BrandCheckFinding[] {
  const texts = textFields(idea);
  return [
    ...findDonts(texts, idea.hashtags, brand.dontList),
    ...checkCaptionLength(idea, brand.captionMaxChars),
    ...findClaims(texts),
    ...checkPlatform(idea),
    ...checkCallToAction(idea, campaign),
  ];
}

type TextField = { field: BrandCheckField; text: string };

function textFields(idea: BrandCheckIdea): TextField[] {
  const beats = (idea.beats ?? []).flatMap((beat) => [beat.shot, beat.voiceover, beat.onScreenText]);
  return [
    { field: 'title' as const, text: idea.title },
    { field: 'hook' as const, text: idea.hook },
    { field: 'caption' as const, text: idea.caption },
    { field: 'callToAction' as const, text: idea.callToAction },
    { field: 'visualDirection' as const, text: idea.visualDirection ?? '' },
    ...beats.map((text) => ({ field: 'beats' as const, text })),
    { field: 'audioSuggestion' as const, text: idea.audioSuggestion ?? '' },
  ].filter(({ text }) => text.trim() !== '');
}

// --- Brand don'ts ---------------------------------------------------------------------------

const WORD_CHAR = String.raw`[\p{L}\p{N}_]`;
const HASHTAG = /#[\p{L}\p{N}_]+/gu;
const VOWELS = 'aeiou';

/** One word and its inflected forms: cheap → cheaper, cheapest, cheaply; easy → easier; big → bigger; guilt → guilty. */
function inflected(word: string): string {
  const lower = word.toLowerCase();
  const last = lower.at(-1) ?? '';
  const before = lower.at(-2) ?? '';
  if (last === 'e') return `${escapeRegExp(lower.slice(0, -1))}(?:e(?:s|d|r|rs|st|ly|ness)?|ing)`;
  if (last === 'y' && !VOWELS.includes(before)) {
    return `${escapeRegExp(lower.slice(0, -1))}(?:y|ies|ied|ier|iest|ily|iness|ying)`;
  }
  const doubled = /\p{L}/u.test(last) && !VOWELS.includes(last) ? `${escapeRegExp(last)}?` : '';
  return `${escapeRegExp(lower)}(?:${doubled}(?:s|es|ed|er|ers|est|ly|ing|ness|y))?`;
}

/** A phrase as whole words in any case, with any spacing or hyphens between its words. */
function phrasePattern(phrase: string): RegExp {
  const words = phrase
    .split(/[\s-]+/)
    .filter(Boolean)
    .map(inflected);
  // Not after "#": a hashtag is matched as a whole, by hashtagSays.
  return new RegExp(`(?<![\\p{L}\\p{N}_#])${words.join(String.raw`[\s\-]+`)}(?!${WORD_CHAR})`, 'giu');
}

/** The words of a hashtag: #CheapEats → "Cheap Eats", #cheap_eats → "cheap eats". */
function hashtagWords(tag: string): string {
  return tag
    .slice(1)
    .replace(/_/g, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`));
}

/** Whether the hashtag says the phrase: as one of its words, or run together at its start (#cheapeats). */
function hashtagSays(tag: string, phrase: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  if (pattern.test(hashtagWords(tag))) return true;
  const compact = phrase.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return compact !== '' && tag.slice(1).toLowerCase().startsWith(compact);
}

function findDonts(texts: TextField[], hashtags: readonly string[], dontList: readonly string[]) {
  const findings: BrandCheckFinding[] = [];
  const seen = new Set<string>();
  const add = (phrase: string, field: BrandCheckField, match: string) => {
    const key = `${field}\n${match}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push({
      rule: 'brand_dont',
      severity: 'warning',
      field,
      match,
      message: `“${match}” goes against the brand’s don’t “${phrase}”.`,
    });
  };
  for (const phrase of dontList.map((entry) => entry.trim()).filter(Boolean)) {
    const pattern = phrasePattern(phrase);
    for (const { field, text } of texts) {
      for (const found of text.matchAll(pattern)) add(phrase, field, found[0]);
      for (const [tag] of text.matchAll(HASHTAG))
        if (hashtagSays(tag, phrase, pattern)) add(phrase, field, tag);
    }
    for (const tag of hashtags) if (hashtagSays(tag, phrase, pattern)) add(phrase, 'hashtags', tag);
  }
  return findings;
}

// --- The caption length the brand asked for -------------------------------------------------

function checkCaptionLength(idea: BrandCheckIdea, captionMaxChars: CaptionMaxChars): BrandCheckFinding[] {
  const max = captionMaxChars[idea.platform];
  const used = plainLength(idea.caption);
  if (max === undefined || used <= max) return [];
  return [
    {
      rule: 'brand_length',
      severity: 'warning',
      field: 'caption',
      match: overflow(idea.caption, max, plainLength),
      message: `The caption runs to ${used} characters; the brand keeps ${PLATFORM_LIMITS[idea.platform].name} captions to ${max}.`,
    },
  ];
}

// --- Claims that need proof -----------------------------------------------------------------

const bounded = (body: string) => new RegExp(`(?<!${WORD_CHAR})(?:${body})(?!${WORD_CHAR})`, 'giu');

const CLAIMS: { pattern: RegExp; says: string }[] = [
  {
    pattern: bounded('best|number one|no\\. ?1'),
    says: 'claims to be the best: have the proof at hand, or soften it',
  },
  { pattern: /#1(?![\p{N}])/gu, says: 'claims to be the best: have the proof at hand, or soften it' },
  { pattern: bounded('guarantee[sd]?'), says: 'is a promise: make sure the brand stands behind it' },
  { pattern: bounded('cur(?:e|es|ed)|heals?'), says: 'promises a health effect: say it only with proof' },
  {
    pattern: bounded('(?:clinically |scientifically )?proven'),
    says: 'says it is proven: have the proof at hand',
  },
  {
    pattern:
      /(?:[$€£¥]\s?\d+(?:[.,]\d+)*|(?<![\p{L}\p{N}_.,])\d+(?:[.,]\d+)*\s?(?:USD|EUR|GBP|dollars?|euros?|pounds?)(?![\p{L}]))/giu,
    says: 'is a price: check it is right and current',
  },
  {
    pattern: /(?<![\p{L}\p{N}_.,])\d+(?:[.,]\d+)?\s?(?:%|percent(?![\p{L}])|per cent(?![\p{L}]))/giu,
    says: 'is a figure: have its source at hand',
  },
];

function findClaims(texts: TextField[]): BrandCheckFinding[] {
  const findings: BrandCheckFinding[] = [];
  for (const { field, text } of texts) {
    for (const { pattern, says } of CLAIMS) {
      for (const [match] of text.matchAll(pattern)) {
        findings.push({
          rule: 'claim',
          severity: 'warning',
          field,
          match,
          message: `“${match}” ${says}.`,
        });
      }
    }
  }
  return findings;
}

// --- Platform limits and hashtags -----------------------------------------------------------

/** The text as published: the caption, then the hashtags. */
function publishedText(idea: BrandCheckIdea): string {
  return idea.hashtags.length > 0 ? `${idea.caption}\n\n${idea.hashtags.join(' ')}` : idea.caption;
}

/** The end of the text past `max`, as the platform counts. */
function overflow(text: string, max: number, length: (text: string) => number): string {
  const chars = [...text];
  let fits = 0;
  let over = chars.length;
  while (fits < over - 1) {
    const middle = Math.floor((fits + over) / 2);
    if (length(chars.slice(0, middle).join('')) <= max) fits = middle;
    else over = middle;
  }
  return chars.slice(fits).join('');
}

function checkPlatform(idea: BrandCheckIdea): BrandCheckFinding[] {
  const limits = PLATFORM_LIMITS[idea.platform];
  const findings: BrandCheckFinding[] = [];
  const length = limits.weightedLength ? xWeightedLength : plainLength;

  const text = publishedText(idea);
  const used = length(text);
  if (used > limits.captionMaxChars) {
    findings.push({
      rule: 'platform_limit',
      severity: 'warning',
      field: 'caption',
      match: overflow(text, limits.captionMaxChars, length),
      message: `The caption and hashtags run to ${used} characters; ${limits.name} allows ${limits.captionMaxChars}.`,
    });
  }

  const tags = [
    ...new Map(
      [...idea.hashtags, ...(idea.caption.match(HASHTAG) ?? [])].map((tag) => [tag.toLowerCase(), tag]),
    ).values(),
  ];
  if (limits.maxHashtags !== null && tags.length > limits.maxHashtags) {
    findings.push({
      rule: 'platform_limit',
      severity: 'warning',
      field: 'hashtags',
      match: tags.slice(limits.maxHashtags).join(' '),
      message: `It has ${tags.length} hashtags; ${limits.name} allows ${limits.maxHashtags}.`,
    });
  } else if (tags.length > RECOMMENDED_MAX_HASHTAGS) {
    findings.push({
      rule: 'too_many_hashtags',
      severity: 'note',
      field: 'hashtags',
      match: tags.slice(RECOMMENDED_MAX_HASHTAGS).join(' '),
      message: `It has ${tags.length} hashtags; more than ${RECOMMENDED_MAX_HASHTAGS} read as spam.`,
    });
  }

  const duration = idea.durationSec;
  if (
    idea.type === 'REEL' &&
    duration !== null &&
    (duration < limits.reelMinSec || duration > limits.reelMaxSec)
  ) {
    findings.push({
      rule: 'platform_limit',
      severity: 'warning',
      field: 'durationSec',
      match: String(duration),
      message: `The reel runs ${duration} seconds; ${limits.name} takes ${limits.reelMinSec}–${limits.reelMaxSec}.`,
    });
  }
  return findings;
}

// --- Call to action -------------------------------------------------------------------------

function checkCallToAction(idea: BrandCheckIdea, campaign: BrandCheckCampaign): BrandCheckFinding[] {
  if (idea.callToAction.trim() !== '' || !campaignWantsCallToAction(campaign)) return [];
  return [
    {
      rule: 'missing_call_to_action',
      severity: 'warning',
      field: 'callToAction',
      match: '',
      message: 'The campaign has an objective, but the idea does not ask the reader to do anything.',
    },
  ];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
