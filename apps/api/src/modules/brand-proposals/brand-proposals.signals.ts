import {
  type AiFeedbackOutcome,
  type AiFeedbackText,
  type BrandProposalKind,
  type IdeaType,
  PLATFORM_NAMES,
  type Platform,
} from '@muse/contracts';

/*
 * What a client's review history says without asking a model: words the agency keeps cutting
 * from the AI's drafts, words in what the client turned down and complained about, hashtags
 * cut or added again and again, and captions the client wants shorter. Pure, so it is tested
 * on its own and the model's reading can be checked against it.
 */

/** An idea the client answered: the AI's first draft and the version it last saw (the approved one, if approved). */
export interface ReviewedIdea {
  id: string;
  type: IdeaType;
  platform: Platform;
  title: string;
  outcome: AiFeedbackOutcome;
  draft: AiFeedbackText;
  current: AiFeedbackText;
}

/** A comment of the client's on one of those ideas, and what it did with the idea when it wrote it. */
export interface ClientComment {
  id: string;
  ideaId: string;
  with: 'rejection' | 'change_request' | 'comment';
  text: string;
}

export interface Signal {
  kind: BrandProposalKind;
  text: string;
  platform: Platform | null;
  maxCaptionChars: number | null;
  confidence: number;
  occurrences: number;
  ideaIds: string[];
  commentIds: string[];
  /** In plain words, what was seen: counts and the client's quotes. */
  lines: string[];
}

/** A pattern counts once it is seen this often: once is a preference of the day. */
const MIN_OCCURRENCES = 2;
/** Phrases of each kind proposed at most from one history, the strongest first. */
const MAX_PER_KIND = 5;
/** An approved caption this much shorter than its draft (or less) was cut down. */
const SHORTENED_RATIO = 0.85;
/** With no approved caption to go by, a request for shorter captions aims this far below what it was about. */
const REQUESTED_RATIO = 0.6;
const MIN_CAPTION_CHARS = 40;

const ASKS_SHORTER =
  /\b(?:shorter|too long|less text|fewer words|more concise|cut (?:it |this )?down|trim(?:med)?|tighter|wordy|long-winded)\b/i;

const STOP_WORDS = new Set(
  'about above after again also and any are because been before being below between both but can could did does doing down during each few for from further had has have having here how into its itself just more most must not now off once only other our ours out over own same should some such than that the their them then there these they this those through too under until very was were what when where which while who whom why will with would you your yours this that please really maybe like make made need want feel sounds sound sounding think much even still ever'.split(
    ' ',
  ),
);

/** The content words of a text, lowercased: four letters or more, not a stop word. */
function wordsOf(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}[\p{L}'’]*/gu) ?? [];
  return new Set(
    words.map((word) => word.replace(/['’]s$/, '')).filter((w) => w.length >= 4 && !STOP_WORDS.has(w)),
  );
}

const textOf = (version: AiFeedbackText) => `${version.caption}\n${version.callToAction}`;
const tagKey = (tag: string) => tag.replace(/^#/, '').toLowerCase();
const tagsOf = (version: AiFeedbackText) => new Set(version.hashtags.map(tagKey));
const quote = (text: string) => `“${text.length > 140 ? `${text.slice(0, 139).trimEnd()}…` : text}”`;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const clamp = (value: number, max: number) => Math.min(max, Math.round(value * 100) / 100);

function tally<T>(entries: Iterable<[string, T]>): Map<string, T[]> {
  const byKey = new Map<string, T[]>();
  for (const [key, item] of entries) byKey.set(key, [...(byKey.get(key) ?? []), item]);
  return byKey;
}

function strongest(signals: Signal[]): Signal[] {
  return signals
    .sort((a, b) => b.occurrences - a.occurrences || a.text.localeCompare(b.text))
    .slice(0, MAX_PER_KIND);
}

/**
 * Words the client should never read again: cut by the agency from at least two drafts, or in
 * ideas the client turned down and named in its comments, and in no idea it approved as it was.
 */
function neverUse(ideas: ReviewedIdea[], comments: ClientComment[]): Signal[] {
  const approved = ideas.filter((idea) => idea.outcome === 'approved');
  const turnedDown = ideas.filter((idea) => idea.outcome !== 'approved');
  const approvedWords = new Set(approved.flatMap((idea) => [...wordsOf(textOf(idea.current))]));
  const removedFrom = tally(
    approved.flatMap((idea) => {
      const now = wordsOf(textOf(idea.current));
      return [...wordsOf(textOf(idea.draft))]
        .filter((w) => !now.has(w))
        .map((w): [string, string] => [w, idea.id]);
    }),
  );
  const turnedDownIn = tally(
    turnedDown.flatMap((idea) =>
      [...wordsOf(textOf(idea.current))].map((w): [string, string] => [w, idea.id]),
    ),
  );
  const ideaWords = new Map(
    ideas.map((idea) => [
      idea.id,
      new Set([...wordsOf(textOf(idea.draft)), ...wordsOf(textOf(idea.current))]),
    ]),
  );
  // The client's words on an idea it turned down are a complaint, whether or not said with the answer.
  const turnedDownIds = new Set(turnedDown.map((idea) => idea.id));
  const complainedIn = tally(
    comments
      .filter((comment) => comment.with !== 'comment' || turnedDownIds.has(comment.ideaId))
      .flatMap((comment) =>
        [...wordsOf(comment.text)]
          .filter((w) => ideaWords.get(comment.ideaId)?.has(w))
          .map((w): [string, ClientComment] => [w, comment]),
      ),
  );
  const candidates = new Set([...removedFrom.keys(), ...complainedIn.keys()]);
  const signals: Signal[] = [];
  for (const word of candidates) {
    if (approvedWords.has(word)) continue;
    const removed = removedFrom.get(word) ?? [];
    const rejected = turnedDownIn.get(word) ?? [];
    const complaints = complainedIn.get(word) ?? [];
    const seen =
      removed.length >= MIN_OCCURRENCES ||
      complaints.length >= MIN_OCCURRENCES ||
      (complaints.length > 0 && removed.length + rejected.length >= MIN_OCCURRENCES);
    if (!seen) continue;
    signals.push({
      kind: 'never_use',
      text: word,
      platform: null,
      maxCaptionChars: null,
      confidence: clamp(0.25 + 0.12 * (removed.length + rejected.length) + 0.15 * complaints.length, 0.95),
      occurrences: removed.length + rejected.length + complaints.length,
      ideaIds: [...new Set([...removed, ...rejected, ...complaints.map((c) => c.ideaId)])],
      commentIds: complaints.map((comment) => comment.id),
      lines: [
        ...(removed.length > 0 ? [`Cut from ${plural(removed.length, 'draft')} before approval`] : []),
        ...(rejected.length > 0 ? [`In ${plural(rejected.length, 'idea')} the client turned down`] : []),
        ...complaints.map((comment) => quote(comment.text)),
      ],
    });
  }
  return strongest(signals);
}

/** Words the agency wrote into at least two drafts before the client approved them. */
function always(ideas: ReviewedIdea[]): Signal[] {
  const addedTo = tally(
    ideas
      .filter((idea) => idea.outcome === 'approved')
      .flatMap((idea) => {
        const before = wordsOf(textOf(idea.draft));
        return [...wordsOf(textOf(idea.current))]
          .filter((w) => !before.has(w))
          .map((w): [string, string] => [w, idea.id]);
      }),
  );
  return strongest(
    [...addedTo].flatMap(([word, ideaIds]): Signal[] =>
      ideaIds.length < MIN_OCCURRENCES
        ? []
        : [
            {
              kind: 'always',
              text: `Work in “${word}”`,
              platform: null,
              maxCaptionChars: null,
              confidence: clamp(0.2 + 0.12 * ideaIds.length, 0.7),
              occurrences: ideaIds.length,
              ideaIds,
              commentIds: [],
              lines: [`Added to ${plural(ideaIds.length, 'draft')} before approval`],
            },
          ],
    ),
  );
}

/** Hashtags cut from (banned) or added to (preferred) at least two drafts before approval. */
function hashtags(ideas: ReviewedIdea[]): Signal[] {
  const approved = ideas.filter((idea) => idea.outcome === 'approved');
  // Compared in any case, proposed as first written.
  const spelling = new Map<string, string>();
  for (const tag of approved.flatMap((idea) => [...idea.draft.hashtags, ...idea.current.hashtags])) {
    if (!spelling.has(tagKey(tag))) spelling.set(tagKey(tag), `#${tag.replace(/^#/, '')}`);
  }
  const changes = (kind: 'banned_hashtag' | 'preferred_hashtag') =>
    tally(
      approved.flatMap((idea) => {
        const [from, to] =
          kind === 'banned_hashtag' ? [idea.draft, idea.current] : [idea.current, idea.draft];
        const kept = tagsOf(to);
        return [...tagsOf(from)]
          .filter((tag) => !kept.has(tag))
          .map((tag): [string, string] => [tag, idea.id]);
      }),
    );
  return (['banned_hashtag', 'preferred_hashtag'] as const).flatMap((kind) =>
    strongest(
      [...changes(kind)].flatMap(([tag, ideaIds]): Signal[] =>
        ideaIds.length < MIN_OCCURRENCES
          ? []
          : [
              {
                kind,
                text: spelling.get(tag) ?? `#${tag}`,
                platform: null,
                maxCaptionChars: null,
                confidence: clamp(0.3 + 0.15 * ideaIds.length, 0.9),
                occurrences: ideaIds.length,
                ideaIds,
                commentIds: [],
                lines: [
                  `${kind === 'banned_hashtag' ? 'Cut from' : 'Added to'} ${plural(ideaIds.length, 'draft')} before approval`,
                ],
              },
            ],
      ),
    ),
  );
}

const roundDown = (chars: number) => Math.max(MIN_CAPTION_CHARS, Math.floor(chars / 10) * 10);
const roundUp = (chars: number) => Math.max(MIN_CAPTION_CHARS, Math.ceil(chars / 10) * 10);
const captionLength = (version: AiFeedbackText) => [...version.caption].length;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Per platform: the client asked for shorter captions, or approved captions cut well below their
 * drafts, at least twice. The limit is the longest caption it approved after a cut, else well
 * below the captions it asked to shorten.
 */
function captionLengths(ideas: ReviewedIdea[], comments: ClientComment[]): Signal[] {
  const ideaById = new Map(ideas.map((idea) => [idea.id, idea]));
  const signals: Signal[] = [];
  for (const platform of new Set(ideas.map((idea) => idea.platform))) {
    const onPlatform = ideas.filter((idea) => idea.platform === platform);
    const shortened = onPlatform.filter(
      (idea) =>
        idea.outcome === 'approved' &&
        captionLength(idea.current) <= SHORTENED_RATIO * captionLength(idea.draft),
    );
    const requests = comments.filter(
      (comment) => ideaById.get(comment.ideaId)?.platform === platform && ASKS_SHORTER.test(comment.text),
    );
    if (shortened.length + requests.length < MIN_OCCURRENCES) continue;
    const maxCaptionChars =
      shortened.length > 0
        ? roundUp(Math.max(...shortened.map((idea) => captionLength(idea.current))))
        : roundDown(
            REQUESTED_RATIO *
              median(
                requests.map((comment) =>
                  captionLength((ideaById.get(comment.ideaId) as ReviewedIdea).current),
                ),
              ),
          );
    signals.push({
      kind: 'caption_length',
      text: captionLengthRule(platform, maxCaptionChars),
      platform,
      maxCaptionChars,
      confidence: clamp(0.3 + 0.15 * (shortened.length + requests.length), 0.9),
      occurrences: shortened.length + requests.length,
      ideaIds: [
        ...new Set([...shortened.map((idea) => idea.id), ...requests.map((comment) => comment.ideaId)]),
      ],
      commentIds: requests.map((comment) => comment.id),
      lines: [
        ...(shortened.length > 0 ? [`${plural(shortened.length, 'caption')} cut down before approval`] : []),
        ...requests.map((comment) => quote(comment.text)),
      ],
    });
  }
  return signals;
}

/** The sentence a caption length proposal says itself in. */
export function captionLengthRule(platform: Platform, maxCaptionChars: number): string {
  return `Keep ${PLATFORM_NAMES[platform]} captions to ${maxCaptionChars} characters`;
}

/** Every signal of a history, by kind. */
export function deriveSignals(ideas: ReviewedIdea[], comments: ClientComment[]): Signal[] {
  return [
    ...neverUse(ideas, comments),
    ...always(ideas),
    ...hashtags(ideas),
    ...captionLengths(ideas, comments),
  ];
}
