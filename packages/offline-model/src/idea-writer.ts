import { hashText } from './hash.ts';
import type { IdeaSlot, PromptBrief } from './prompt-reader.ts';

/** Every field a post or reel idea can have; the schema filler picks the ones the caller asked for. */
export interface IdeaRecord {
  platform: string;
  title: string;
  hook: string;
  caption: string;
  hashtags: string[];
  callToAction: string;
  visualDirection: string;
  durationSec: number;
  beats: { startSec: number; shot: string; voiceover: string; onScreenText: string }[];
  audioSuggestion: string;
}

export type IdeaKind = 'post' | 'reel';

interface Angle {
  title: (theme: string) => string;
  hook: (theme: string, brand: string) => string;
  visual: (theme: string, brand: string) => string;
}

const POST_ANGLES: Angle[] = [
  {
    title: (t) => `Behind the scenes: ${t}`,
    hook: (t, b) => `This is what ${t} really looks like at ${b}.`,
    visual: (t, b) =>
      `Candid carousel of the ${b} team at work on ${t}: hands and details in focus, natural window light, the last slide a close-up.`,
  },
  {
    title: (t) => `Myth vs fact: ${t}`,
    hook: (t) => `The biggest myth about ${t}? We hear it every week.`,
    visual: (t) =>
      `Carousel: slide 1 states the myth about ${t} in bold type, slides 2–4 set out the facts with simple icons, slide 5 the takeaway.`,
  },
  {
    title: (t) => `Three quick tips for ${t}`,
    hook: (t) => `Three small changes that make ${t} easier, starting today.`,
    visual: (t) =>
      `Clean flat lay for ${t} with three numbered callouts; soft daylight, brand colours as accents.`,
  },
  {
    title: (t) => `Customer spotlight: ${t}`,
    hook: (t, b) => `What ${t} means to the people who choose ${b}.`,
    visual: (t) =>
      `Portrait of a real customer in their own space, ${t} in the frame; warm light, shallow depth of field.`,
  },
  {
    title: (t) => `Your ${t} checklist`,
    hook: (t) => `Save this before you start: the ${t} checklist we swear by.`,
    visual: (t) =>
      `Checklist graphic for ${t} on a textured background, five ticked items, the brand mark bottom right.`,
  },
  {
    title: (t) => `Question of the week: ${t}`,
    hook: (t) => `Quick question: how do you handle ${t}?`,
    visual: (t) =>
      `Bold question card about ${t} in brand colours, generous white space, a small photo inset.`,
  },
  {
    title: (t) => `Before and after: ${t}`,
    hook: (t) => `Same day, two ways: ${t} before and after one simple change.`,
    visual: (t) =>
      `Split image, before on the left and after on the right, ${t} as the subject; identical framing and light.`,
  },
  {
    title: (t) => `Why we care about ${t}`,
    hook: (t, b) => `Why does ${b} care so much about ${t}? Here is the short answer.`,
    visual: (t, b) =>
      `Documentary-style photo of ${withArticle(b)} team member with ${t}; one line of text overlaid in the top third.`,
  },
  {
    title: (t) => `The small detail in ${t}`,
    hook: (t) => `The detail in ${t} that nobody notices, and everybody feels.`,
    visual: (t) => `Macro shot of one telling detail of ${t}; dark background, a single light source.`,
  },
  {
    title: (t) => `How it is made: ${t}`,
    hook: (t) => `From first step to finished: how ${t} comes together.`,
    visual: (t) =>
      `Carousel of four process shots of ${t} in order, each slide captioned with one short step.`,
  },
  {
    title: (t) => `${capitalize(t)}: mistakes to avoid`,
    hook: (t) => `Three ${t} mistakes we see all the time, and what to do instead.`,
    visual: (t) => `Three-panel graphic about ${t}: a red cross on each mistake, a green tick on each fix.`,
  },
  {
    title: (t) => `${capitalize(t)} by the numbers`,
    hook: (t, b) => `[figure]: the number behind ${t} at ${b}.`,
    visual: (t) => `Big-number typographic card for ${t}, one figure per slide, brand colours on off-white.`,
  },
  {
    title: (t) => `A day in the life: ${t}`,
    hook: (t) => `6 a.m. to close: a day shaped by ${t}.`,
    visual: (t) => `Timeline carousel of ${t} through one day, each slide a timestamped photo.`,
  },
  {
    title: (t) => `Ask the expert: ${t}`,
    hook: (t) => `We asked our expert the one ${t} question you keep sending us.`,
    visual: (t) => `Portrait of the expert mid-conversation about ${t}; quote card as the second slide.`,
  },
  {
    title: (t) => `New to ${t}? Start here`,
    hook: (t) => `New to ${t}? Start with this.`,
    visual: (t) => `Beginner's guide card for ${t}: three steps drawn as simple line illustrations.`,
  },
  {
    title: (t) => `Team pick: ${t}`,
    hook: (t) => `Our team's favourite part of ${t}, and why.`,
    visual: (t) =>
      `Group photo of the team with their pick for ${t}; bright, informal, everyone looking at the product.`,
  },
];

const REEL_ANGLES: Angle[] = [
  {
    title: (t) => `POV: ${t}`,
    hook: (t) => `POV: you finally get ${t} right.`,
    visual: (t) => `Handheld POV of ${t}`,
  },
  {
    title: (t) => `${capitalize(t)} in three steps`,
    hook: (t) => `${capitalize(t)} in three steps. Ready?`,
    visual: (t) => `Top-down shot of the first step of ${t}`,
  },
  {
    title: (t) => `A day of ${t}`,
    hook: (t) => `Come with us through a day of ${t}.`,
    visual: (t) => `Morning establishing shot set around ${t}`,
  },
  {
    title: (t) => `Busting ${withArticle(t)} myth`,
    hook: (t) => `Stop believing this about ${t}.`,
    visual: (t) => `Presenter to camera, the myth about ${t} as on-screen text`,
  },
  {
    title: (t) => `${capitalize(t)}: before and after`,
    hook: (t) => `Watch what one change does to ${t}.`,
    visual: (t) => `Before shot of ${t}, locked-off camera`,
  },
  {
    title: (t) => `Behind the scenes of ${t}`,
    hook: (t) => `You never see this side of ${t}.`,
    visual: (t) => `Slow push-in through the workspace where ${t} happens`,
  },
  {
    title: (t) => `Quick guide to ${t}`,
    hook: (t) => `Everything you need to know about ${t}, fast.`,
    visual: (t) => `Presenter holding up the first item for ${t}`,
  },
  {
    title: (t) => `Your ${t} question, answered`,
    hook: (t) => `You asked about ${t}. Here is the honest answer.`,
    visual: (t) => `Comment sticker on screen, presenter reacting, ${t} behind them`,
  },
  {
    title: (t) => `The team tries ${t}`,
    hook: (t) => `We asked the team to try ${t}. Their faces say it all.`,
    visual: (t) => `Quick cuts of team members trying ${t}`,
  },
  {
    title: (t) => `First look: ${t}`,
    hook: (t) => `First look at ${t}. Sound on.`,
    visual: (t) => `Hands opening the reveal of ${t}, close-up`,
  },
  {
    title: (t) => `Three ${t} moments`,
    hook: (t) => `Three ${t} moments worth your next 30 seconds.`,
    visual: (t) => `Number 3 on screen over the first ${t} moment`,
  },
  {
    title: (t) => `Small habit, big ${t}`,
    hook: (t) => `One small habit that changes ${t} for good.`,
    visual: (t) => `Close-up of the habit in action, ${t} in soft focus behind`,
  },
];

const HASHTAG_LIMIT: Record<string, number> = { X: 2, LINKEDIN: 4, INSTAGRAM: 6 };
const IMAGE_FORMAT: Record<string, string> = {
  INSTAGRAM: '4:5 portrait',
  TIKTOK: '9:16 photo carousel',
  FACEBOOK: '1:1 square',
  LINKEDIN: '1:1 square or document carousel',
  X: '16:9 landscape',
  YOUTUBE: '1:1 community image',
};
const REEL_AUDIO: Record<string, string> = {
  TIKTOK: 'A trending upbeat sound at low volume under an original voiceover.',
  INSTAGRAM: 'A warm acoustic track around 100 BPM under the voiceover.',
  LINKEDIN: 'Original voiceover only, with subtle room tone.',
  YOUTUBE: 'Punchy electronic beat that loops cleanly, under the voiceover.',
};

export function writeIdeas(brief: PromptBrief, kind: IdeaKind, count: number): IdeaRecord[] {
  const slots = brief.slots.length > 0 ? brief.slots : defaultSlots(count);
  const usedTitles = new Set(brief.avoidTitles.map(normalizeTitle));
  // One offset per campaign keeps slot n on the same angle across batches, so batches rarely repeat a title.
  const offset = hashText(`${brief.brand}|${brief.campaign ?? ''}`);
  return slots.slice(0, count).map((slot) => {
    const idea = writeIdea(brief, kind, slot, offset, usedTitles);
    usedTitles.add(normalizeTitle(idea.title));
    return idea;
  });
}

function writeIdea(
  brief: PromptBrief,
  kind: IdeaKind,
  slot: IdeaSlot,
  offset: number,
  usedTitles: Set<string>,
): IdeaRecord {
  const angles = kind === 'post' ? POST_ANGLES : REEL_ANGLES;
  // A theme or key message that says a phrase the brand never uses is left unwritten, as a model would.
  const allowed = (text: string) => !saysAny(text, brief.dontList);
  const usable = brief.themes.filter(allowed);
  const themes =
    usable.length > 0 ? usable : [brief.campaign && allowed(brief.campaign) ? brief.campaign : brief.brand];
  const keyMessages = brief.keyMessages.filter(allowed);
  const { angle, theme, title } = pickFreshAngle(angles, themes, slot.number - 1 + offset, usedTitles);
  const keyMessage = sentence(keyMessages[(slot.number - 1) % Math.max(keyMessages.length, 1)] ?? '');
  const hook = angle.hook(theme, brief.brand);
  const callToAction = callToActionFor(brief, slot.platform);
  const hashtags = hashtagsFor(brief, theme, slot.platform);
  const written = captionFor(slot.platform, hook, keyMessage, theme, brief.brand, callToAction);
  const limit = brief.captionMaxChars[slot.platform];
  const caption = limit ? shortenChars(written, limit) : written;
  const durationSec = 30;
  return {
    platform: slot.platform,
    title,
    hook,
    caption,
    hashtags,
    callToAction,
    visualDirection: `${angle.visual(theme, brief.brand)} Format: ${IMAGE_FORMAT[slot.platform] ?? '1:1 square'}.`,
    durationSec,
    beats: [
      {
        startSec: 0,
        shot: `${angle.visual(theme, brief.brand)}.`,
        voiceover: hook,
        onScreenText: shorten(title, 8),
      },
      {
        startSec: 3,
        shot: `Medium shot: the ${brief.brand} team at work on ${theme}.`,
        voiceover: keyMessage || `This is how we approach ${theme}.`,
        onScreenText: shorten(capitalize(theme), 6),
      },
      {
        startSec: 12,
        shot: `Detail cutaways of ${theme}, quick cuts on the beat.`,
        voiceover: 'Here is the part most people miss.',
        onScreenText: 'The detail that matters',
      },
      {
        startSec: 21,
        shot: `The result: ${theme} at its best, slow push-in.`,
        voiceover: `That is ${theme}, the ${brief.brand} way.`,
        onScreenText: shorten(`${brief.brand}: ${theme}`, 8),
      },
      {
        startSec: 26,
        shot: `End card with the ${brief.brand} logo on brand colours.`,
        voiceover: callToAction,
        onScreenText: shorten(callToAction, 8),
      },
    ],
    audioSuggestion: REEL_AUDIO[slot.platform] ?? 'Light, upbeat instrumental under an original voiceover.',
  };
}

/** Walks the angle × theme grid from the slot's own position until a title the prompt did not rule out. */
function pickFreshAngle(angles: Angle[], themes: string[], start: number, usedTitles: Set<string>) {
  const combinations = angles.length * themes.length;
  for (let step = 0; step < combinations; step++) {
    const position = start + step;
    const angle = angles[position % angles.length] as Angle;
    const theme = themes[(position + Math.floor(position / angles.length)) % themes.length] as string;
    const title = angle.title(theme);
    if (!usedTitles.has(normalizeTitle(title))) return { angle, theme, title };
  }
  // Every combination is taken, some of them by ideas the prompt no longer lists: number the take
  // from what the prompt rules out, so consecutive runs do not land on the same title.
  const angle = angles[start % angles.length] as Angle;
  const theme = themes[0] as string;
  const take = 2 + (hashText([...usedTitles].join('|')) % 9000);
  return { angle, theme, title: `${angle.title(theme)} (take ${take})` };
}

function captionFor(
  platform: string,
  hook: string,
  keyMessage: string,
  theme: string,
  brand: string,
  callToAction: string,
): string {
  if (platform === 'X') return shortenChars([hook, keyMessage].filter(Boolean).join(' '), 200);
  const body = [keyMessage, `At ${brand}, we sweat the small things when it comes to ${theme}.`]
    .filter(Boolean)
    .join(' ');
  return [hook, body, `${callToAction}.`].join('\n\n');
}

function callToActionFor(brief: PromptBrief, platform: string): string {
  const objective = (brief.objective ?? '').toLowerCase();
  if (/sign ?up|register|subscribe|newsletter|lead/.test(objective))
    return 'Sign up through the link in our bio';
  if (/shop|sale|sell|buy|purchase|order|conversion|revenue/.test(objective)) {
    return platform === 'LINKEDIN' ? 'Find out more on our website' : 'Shop now through the link in our bio';
  }
  if (/visit|store|footfall|book|reservation/.test(objective)) return 'Book your visit today';
  if (/engag|community|conversation/.test(objective)) return 'Tell us in the comments';
  if (/aware|reach|launch|visib/.test(objective))
    return `Follow ${brief.brand} so you never miss what is next`;
  return 'Save this post for later';
}

function hashtagsFor(brief: PromptBrief, theme: string, platform: string): string[] {
  const candidates = [...brief.brandHashtags, toHashtag(theme), toHashtag(brief.brand)];
  if (brief.campaign) candidates.push(toHashtag(brief.campaign));
  const unique = [
    ...new Map(candidates.filter((tag) => tag.length > 1).map((tag) => [tag.toLowerCase(), tag])).values(),
  ];
  return unique.slice(0, HASHTAG_LIMIT[platform] ?? 4);
}

function defaultSlots(count: number): IdeaSlot[] {
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, platform: 'INSTAGRAM' }));
}

export function normalizeTitle(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').trim();
}

function toHashtag(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return `#${words.map(capitalize).join('')}`;
}

/** "a" or "an" by the sound the words start with (vowel letters, as a plain approximation). */
export function withArticle(words: string): string {
  return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  return /[.!?]$/.test(trimmed) ? capitalize(trimmed) : `${capitalize(trimmed)}.`;
}

/** Whether the text says one of the phrases as whole words, in any case. */
function saysAny(text: string, phrases: readonly string[]): boolean {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return phrases.some((phrase) => {
    const words = phrase
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    return words !== '' && lower.includes(` ${words}`);
  });
}

function shorten(text: string, maxWords: number): string {
  const words = text.split(/\s+/);
  return words.length <= maxWords ? text : `${words.slice(0, maxWords).join(' ')}…`;
}

function shortenChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
