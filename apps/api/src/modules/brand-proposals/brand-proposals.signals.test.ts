import { describe, expect, it } from 'vitest';
import { mergeProposals } from './brand-proposals.merge.ts';
import { type ClientComment, deriveSignals, type ReviewedIdea } from './brand-proposals.signals.ts';

let next = 0;
const id = () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`;

function idea(overrides: Partial<ReviewedIdea> & Pick<ReviewedIdea, 'outcome'>): ReviewedIdea {
  const text = { caption: 'Fresh sourdough every morning.', hashtags: ['#Bakery'], callToAction: 'Come by' };
  return {
    id: id(),
    type: 'POST',
    platform: 'INSTAGRAM',
    title: 'An idea',
    draft: text,
    current: text,
    ...overrides,
  };
}

const comment = (
  on: ReviewedIdea,
  text: string,
  withAnswer: ClientComment['with'] = 'rejection',
): ClientComment => ({
  id: id(),
  ideaId: on.id,
  with: withAnswer,
  text,
});

const edited = (draft: string, approved: string, tags: [string[], string[]] = [['#Bakery'], ['#Bakery']]) =>
  idea({
    outcome: 'approved',
    draft: { caption: draft, hashtags: tags[0], callToAction: 'Come by' },
    current: { caption: approved, hashtags: tags[1], callToAction: 'Come by' },
  });

const PROFILE = {
  name: 'Harbour Bakery',
  industry: 'Bakery',
  website: null,
  brandVoice: 'Warm',
  toneKeywords: [],
  targetAudience: 'Early risers',
  doList: [],
  dontList: [],
  defaultHashtags: [],
  platforms: ['INSTAGRAM' as const],
  captionMaxChars: {},
};

describe('signals of a review history', () => {
  it('when the client turned down two ideas that said a word and complained of it, then it is a never-use with both ideas and comments', () => {
    const first = idea({
      outcome: 'rejected',
      current: { caption: 'Cheap treats today.', hashtags: [], callToAction: 'Buy' },
    });
    const second = idea({
      outcome: 'changes_requested',
      current: { caption: 'A cheap loaf.', hashtags: [], callToAction: 'Buy' },
    });
    const complaints = [
      comment(first, 'Too cheap sounding.'),
      comment(second, 'Cheap is not us.', 'change_request'),
    ];
    const [signal, ...rest] = deriveSignals([first, second], complaints).filter(
      (s) => s.kind === 'never_use',
    );
    expect(signal).toMatchObject({
      text: 'cheap',
      occurrences: 4,
      ideaIds: [first.id, second.id],
      commentIds: complaints.map((c) => c.id),
      lines: ['In 2 ideas the client turned down', '“Too cheap sounding.”', '“Cheap is not us.”'],
    });
    expect(signal?.confidence).toBeGreaterThan(0.7);
    expect(rest).toEqual([]);
  });

  it('when the agency cut a word from two drafts before approval, then it is a never-use; once, or kept in an approved idea, it is not', () => {
    const twice = [
      edited('An amazing loaf, baked at dawn.', 'A loaf, baked at dawn.'),
      edited('Amazing rye for your table.', 'Rye for your table.'),
    ];
    expect(
      deriveSignals(twice, [])
        .filter((s) => s.kind === 'never_use')
        .map((s) => s.text),
    ).toEqual(['amazing']);
    expect(deriveSignals(twice.slice(0, 1), []).filter((s) => s.kind === 'never_use')).toEqual([]);
    const keptOnce = [...twice, edited('Amazing crust.', 'Amazing crust.')];
    expect(deriveSignals(keptOnce, []).filter((s) => s.kind === 'never_use')).toEqual([]);
  });

  it('when hashtags were cut from or added to two drafts, then they are banned or preferred', () => {
    const ideas = [
      edited('Rye.', 'Rye.', [
        ['#Cheap', '#Bakery'],
        ['#Bakery', '#Harbour'],
      ]),
      edited('Bread.', 'Bread.', [['#cheap'], ['#Harbour']]),
    ];
    const signals = deriveSignals(ideas, []);
    expect(signals.filter((s) => s.kind === 'banned_hashtag').map((s) => s.text)).toEqual(['#Cheap']);
    expect(signals.filter((s) => s.kind === 'preferred_hashtag').map((s) => s.text)).toEqual(['#Harbour']);
  });

  it('when approved captions on a platform were cut well below their drafts twice, then the limit is the longest approved one, rounded up', () => {
    const long = 'x'.repeat(300);
    const signals = deriveSignals([edited(long, 'y'.repeat(143)), edited(long, 'z'.repeat(120))], []);
    expect(signals.filter((s) => s.kind === 'caption_length')).toEqual([
      expect.objectContaining({
        platform: 'INSTAGRAM',
        maxCaptionChars: 150,
        text: 'Keep Instagram captions to 150 characters',
        occurrences: 2,
      }),
    ]);
  });

  it('when the client asked twice for shorter captions, then the limit sits well below them; asked on two platforms once each, there is none', () => {
    const long = { caption: 'w'.repeat(250), hashtags: [], callToAction: 'Go' };
    const a = idea({ outcome: 'changes_requested', current: long });
    const b = idea({ outcome: 'changes_requested', current: long });
    const signals = deriveSignals([a, b], [comment(a, 'Shorter please'), comment(b, 'Way too long.')]);
    expect(signals.find((s) => s.kind === 'caption_length')).toMatchObject({
      maxCaptionChars: 150,
      ideaIds: [a.id, b.id],
    });
    const x = idea({ outcome: 'changes_requested', platform: 'X', current: long });
    const none = deriveSignals([a, x], [comment(a, 'Shorter please'), comment(x, 'Shorter please')]);
    expect(none.filter((s) => s.kind === 'caption_length')).toEqual([]);
  });
});

describe('merging the signals and the model', () => {
  const first = idea({
    outcome: 'rejected',
    current: { caption: 'Cheap treats.', hashtags: [], callToAction: 'Buy' },
  });
  const second = idea({
    outcome: 'rejected',
    current: { caption: 'Cheap loaf.', hashtags: [], callToAction: 'Buy' },
  });
  const complaints = [comment(first, 'Sounds cheap.'), comment(second, 'Cheap again.')];
  const signals = deriveSignals([first, second], complaints);
  const refs = {
    ideaId: new Map([
      ['I1', first.id],
      ['I2', second.id],
    ]),
    commentId: new Map([['C1', complaints[0]?.id as string]]),
  };
  const draft = (kind: 'never_use' | 'voice_note', text: string, ideaRefs: string[]) => ({
    kind,
    text,
    platform: null,
    maxCaptionChars: null,
    confidence: 0.9,
    ideaRefs,
    commentRefs: [],
    rationale: 'Said twice.',
  });

  it('when the model agrees with a signal, then they are one suggestion from both, surer than either', () => {
    const [merged] = mergeProposals(signals, [draft('never_use', 'Cheap', ['I1'])], refs, PROFILE);
    const signal = signals.find((s) => s.text === 'cheap');
    expect(merged).toMatchObject({ kind: 'never_use', text: 'cheap', source: 'both' });
    expect(merged?.confidence).toBeGreaterThan(Math.max(signal?.confidence ?? 1, 0.9 * 0.8));
    expect(merged?.evidence.lines).toContain('Said twice.');
  });

  it('when the model cites nothing the history has, then its suggestion is left out; one of its own is kept as the model’s', () => {
    const merged = mergeProposals(
      [],
      [draft('voice_note', 'Sound like a neighbour', ['I9']), draft('voice_note', 'Never shout', ['I2'])],
      refs,
      PROFILE,
    );
    expect(merged.map((p) => [p.text, p.source, p.evidence.ideaIds])).toEqual([
      ['Never shout', 'model', [second.id]],
    ]);
  });

  it('when the profile already says it, then it is not suggested', () => {
    expect(mergeProposals(signals, [], refs, { ...PROFILE, dontList: ['Cheap'] })).toEqual([]);
  });
});
