/**
 * Answers Muse's `feedback` template the way a careful model would, from the prompt alone and
 * always the same way: each counted pattern whose evidence holds is kept, the client's repeated
 * requests for shorter captions become a caption length for that platform, words it complained
 * about twice (and that its ideas said) become words to never use, and repeated remarks on tone
 * become a voice note. Every suggestion cites the refs of the prompt it rests on.
 */

export interface FeedbackSuggestion {
  kind: string;
  text: string;
  platform: string | null;
  maxCaptionChars: number | null;
  confidence: number;
  ideaRefs: string[];
  commentRefs: string[];
  rationale: string;
}

interface PromptIdea {
  ref: string;
  platform: string;
  /** The caption the client answered: the draft's, unless the agency edited it before sending. */
  caption: string;
}

interface PromptComment {
  ref: string;
  ideaRef: string;
  text: string;
}

const IDEA_HEADER = /^## (I\d+) — ([A-Z_]+) (?:post|reel) — [\w ]+$/;
const CAPTION = /^(Draft|Answered) caption: (.*)$/;
const COMMENT_LINE = /^- (C\d+) on (I\d+) \(([a-z ]+)\): (.+)$/;
const SIGNAL_LINE =
  /^- S\d+: (\w+) "(.+)" — platform: (\S+) — limit: (\S+) — seen (\d+) times — ideas: (.*?) — comments: (.*?) — (.*)$/;
const ASKS_SHORTER = /\b(?:shorter|too long|less text|more concise|cut (?:it )?down|wordy)\b/i;
/** Remarks on tone, and the note each leads to. */
const TONE_NOTES: [RegExp, string][] = [
  [/\b(?:formal|stiff|corporate)\b/i, 'Write like a person talking, never stiff or corporate'],
  [/\b(?:salesy|pushy|hard sell)\b/i, 'Invite rather than sell; never pushy'],
  [/\b(?:cheesy|corny|cringe)\b/i, 'Keep it understated; no cheesy lines'],
];
const STOP_WORDS = new Set(
  'this that these those with from have what your ours they them their there here very much more less really please sounds sound sounding like just also make made feel feels looks look would could should about into than then when idea post caption'.split(
    ' ',
  ),
);

const refs = (list: string) => (list === 'none' ? [] : list.split(', ').filter(Boolean));

function ideasOf(lines: string[]): PromptIdea[] {
  const ideas: PromptIdea[] = [];
  for (const line of lines) {
    const header = IDEA_HEADER.exec(line);
    if (header) ideas.push({ ref: header[1] ?? '', platform: header[2] ?? '', caption: '' });
    const caption = CAPTION.exec(line);
    const last = ideas.at(-1);
    // The answered caption, when there is one, follows the draft's and replaces it.
    if (caption && last) last.caption = caption[2] ?? '';
  }
  return ideas;
}

function commentsOf(lines: string[]): PromptComment[] {
  return lines.flatMap((line) => {
    const match = COMMENT_LINE.exec(line);
    return match ? [{ ref: match[1] ?? '', ideaRef: match[2] ?? '', text: match[4] ?? '' }] : [];
  });
}

function counted(lines: string[]): FeedbackSuggestion[] {
  return lines.flatMap((line): FeedbackSuggestion[] => {
    const match = SIGNAL_LINE.exec(line);
    if (!match) return [];
    const [, kind = '', text = '', platform = 'none', limit = 'none', seen = '1', ideas = '', comments = ''] =
      match;
    const ideaRefs = refs(ideas);
    const commentRefs = refs(comments);
    if (ideaRefs.length + commentRefs.length === 0) return [];
    return [
      {
        kind,
        text,
        platform: platform === 'none' ? null : platform,
        maxCaptionChars: limit === 'none' ? null : Number(limit),
        confidence: Math.min(0.9, 0.4 + 0.1 * Number(seen)),
        ideaRefs,
        commentRefs,
        rationale: `Seen ${seen} times in this client's reviews.`,
      },
    ];
  });
}

function shorterCaptions(ideas: PromptIdea[], comments: PromptComment[]): FeedbackSuggestion[] {
  const ideaByRef = new Map(ideas.map((idea) => [idea.ref, idea]));
  const byPlatform = new Map<string, PromptComment[]>();
  for (const comment of comments.filter((c) => ASKS_SHORTER.test(c.text))) {
    const platform = ideaByRef.get(comment.ideaRef)?.platform;
    if (platform) byPlatform.set(platform, [...(byPlatform.get(platform) ?? []), comment]);
  }
  return [...byPlatform].flatMap(([platform, asked]): FeedbackSuggestion[] => {
    if (asked.length < 2) return [];
    const lengths = asked
      .map((c) => [...(ideaByRef.get(c.ideaRef)?.caption ?? '')].length)
      .sort((a, b) => a - b);
    const middle = lengths[Math.floor(lengths.length / 2)] ?? 0;
    const maxCaptionChars = Math.max(40, Math.floor((middle * 0.6) / 10) * 10);
    return [
      {
        kind: 'caption_length',
        text: `Keep ${platform} captions to ${maxCaptionChars} characters`,
        platform,
        maxCaptionChars,
        confidence: 0.8,
        ideaRefs: [...new Set(asked.map((c) => c.ideaRef))],
        commentRefs: asked.map((c) => c.ref),
        rationale: `The client asked for shorter ${platform} captions ${asked.length} times.`,
      },
    ];
  });
}

function wordsOf(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? [])].filter((word) => !STOP_WORDS.has(word));
}

function complainedWords(ideas: PromptIdea[], comments: PromptComment[]): FeedbackSuggestion[] {
  const ideaByRef = new Map(ideas.map((idea) => [idea.ref, idea]));
  const byWord = new Map<string, PromptComment[]>();
  for (const comment of comments) {
    const said = new Set(wordsOf(ideaByRef.get(comment.ideaRef)?.caption ?? ''));
    for (const word of wordsOf(comment.text).filter((w) => said.has(w))) {
      byWord.set(word, [...(byWord.get(word) ?? []), comment]);
    }
  }
  return [...byWord].flatMap(([word, said]): FeedbackSuggestion[] =>
    said.length < 2
      ? []
      : [
          {
            kind: 'never_use',
            text: word,
            platform: null,
            maxCaptionChars: null,
            confidence: 0.85,
            ideaRefs: [...new Set(said.map((c) => c.ideaRef))],
            commentRefs: said.map((c) => c.ref),
            rationale: `The client objected to “${word}” in ${said.length} comments.`,
          },
        ],
  );
}

function toneNotes(comments: PromptComment[]): FeedbackSuggestion[] {
  return TONE_NOTES.flatMap(([pattern, note]): FeedbackSuggestion[] => {
    const said = comments.filter((comment) => pattern.test(comment.text));
    return said.length < 2
      ? []
      : [
          {
            kind: 'voice_note',
            text: note,
            platform: null,
            maxCaptionChars: null,
            confidence: 0.7,
            ideaRefs: [...new Set(said.map((c) => c.ideaRef))],
            commentRefs: said.map((c) => c.ref),
            rationale: `The client remarked on the tone ${said.length} times.`,
          },
        ];
  });
}

/** The suggestions, one per kind and text (the counted pattern first), at most ten. */
export function writeFeedback(prompt: string): { proposals: FeedbackSuggestion[] } {
  const lines = prompt.split('\n');
  const ideas = ideasOf(lines);
  const comments = commentsOf(lines);
  const all = [
    ...counted(lines),
    ...shorterCaptions(ideas, comments),
    ...complainedWords(ideas, comments),
    ...toneNotes(comments),
  ];
  const seen = new Set<string>();
  const proposals = all.filter((proposal) => {
    const key =
      proposal.kind === 'caption_length'
        ? `${proposal.kind}:${proposal.platform}`
        : `${proposal.kind}:${proposal.text.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { proposals: proposals.slice(0, 10) };
}
