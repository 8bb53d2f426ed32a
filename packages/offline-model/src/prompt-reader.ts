/**
 * Reads what an idea needs from a chat prompt. It understands the labelled lines Muse's prompt
 * templates write ("Brand: …", "Themes:" followed by "- " items, "Idea 3 — platform: LINKEDIN").
 * A campaign without themes takes its campaign's most frequent words instead (name, objective,
 * brief, key messages, industry, audience): the rest of the prompt is instructions, whose words
 * ("caption", "hashtags") make poor themes. A prompt that is not Muse's falls back to all of it.
 */
export interface PromptBrief {
  brand: string;
  campaign: string | null;
  objective: string | null;
  themes: string[];
  keyMessages: string[];
  dontList: string[];
  brandHashtags: string[];
  avoidTitles: string[];
  slots: IdeaSlot[];
  /** The client's own caption limits per platform (v2 templates): "Caption length for X: at most N characters". */
  captionMaxChars: Record<string, number>;
}

export interface IdeaSlot {
  number: number;
  platform: string;
}

const SLOT_LINE = /^Idea (\d+) — platform: ([A-Z_]+)\s*$/gm;
const CAPTION_LENGTH_LINE = /^Caption length for ([A-Z_]+): at most (\d+) characters/gm;
const STOP_WORDS = new Set(
  'about above after again against all also and any are because been before being below between both but can could did does doing down during each few for from further had has have having her here hers herself him himself his how into its itself just more most must not now off once only other our ours ourselves out over own same she should some such than that the their theirs them themselves then there these they this those through too under until very was were what when where which while who whom why will with would you your yours yourself yourselves idea ideas post posts reel reels write platform brand campaign every each one give'.split(
    ' ',
  ),
);

export function readPrompt(text: string): PromptBrief {
  const themes = listAfter(text, /^Themes:$/im);
  const keyMessages = listAfter(text, /^Key messages:$/im);
  const brand = lineValue(text, 'Brand');
  const campaign = [
    ...['Campaign', 'Objective', 'Industry', 'Audience'].map((label) => lineValue(text, label)),
    ...linesAfter(text, /^Brief:$/im),
    ...keyMessages,
  ]
    .filter(Boolean)
    .join('\n');
  // The brand's own name is no theme ("How it is made: northwind").
  const brandWords = new Set(brand?.toLowerCase().match(/\p{L}+/gu) ?? []);
  return {
    brand: brand ?? 'our brand',
    campaign: lineValue(text, 'Campaign'),
    objective: lineValue(text, 'Objective'),
    themes: themes.length > 0 ? themes : frequentWords(campaign || text, 5, brandWords),
    keyMessages,
    dontList: listAfter(text, /^Never use these words or phrases/im),
    brandHashtags: (lineValue(text, 'Brand hashtags') ?? '')
      .split(/\s+/)
      .filter((tag) => tag.startsWith('#')),
    // Ideas the client turned down (v2 templates) are not written again either; their reasons follow " — ".
    avoidTitles: [
      ...listAfter(text, /^These ideas already exist/im),
      ...listAfter(text, /^The client turned down these ideas/im).map((item) => item.split(' — ')[0] ?? item),
    ],
    slots: [...text.matchAll(SLOT_LINE)].map((match) => ({
      number: Number(match[1]),
      platform: match[2] ?? '',
    })),
    captionMaxChars: Object.fromEntries(
      [...text.matchAll(CAPTION_LENGTH_LINE)].map((match) => [match[1] ?? '', Number(match[2])]),
    ),
  };
}

function lineValue(text: string, label: string): string | null {
  const match = new RegExp(`^${label}: (.+)$`, 'm').exec(text);
  return match?.[1]?.trim() || null;
}

/** The lines that follow the first line matching `heading`, up to a blank line. */
function linesAfter(text: string, heading: RegExp): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && line.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The "- " items that follow the first line matching `heading`. */
function listAfter(text: string, heading: RegExp): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return [];
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('- ')) break;
    items.push(line.slice(2).trim());
  }
  return items.filter(Boolean);
}

function frequentWords(text: string, count: number, skip: ReadonlySet<string> = new Set()): string[] {
  const tally = new Map<string, number>();
  for (const word of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) {
    if (!STOP_WORDS.has(word) && !skip.has(word)) tally.set(word, (tally.get(word) ?? 0) + 1);
  }
  return [...tally.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([word]) => word);
}
