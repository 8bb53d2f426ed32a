import { ideaSnapshot } from '@muse/contracts';
import { describe, expect, it } from 'vitest';
import { type ApprovedIdea, pickExamples, turnedDownNotes } from './generations.examples.ts';

const post = (title: string, edited = false): ApprovedIdea => {
  const idea = {
    type: 'POST' as const,
    platform: 'INSTAGRAM' as const,
    title,
    hook: `${title}: the hook`,
    caption: `${title}: the caption`,
    hashtags: ['#Acme'],
    callToAction: 'Pre-order',
    visualDirection: 'A cup on a table',
    durationSec: null,
    beats: null,
    audioSuggestion: null,
  };
  const firstDraft = ideaSnapshot({ ...idea, caption: edited ? 'What the AI first wrote' : idea.caption });
  return { ...idea, firstDraft };
};

const reel = (title: string): ApprovedIdea => ({
  ...post(title),
  type: 'REEL',
  visualDirection: null,
  durationSec: 20,
  beats: [{ startSec: 0, shot: 'Close-up', voiceover: '', onScreenText: '' }],
  audioSuggestion: 'Ambient café sound',
  firstDraft: null,
});

describe('pickExamples', () => {
  it('puts ideas approved unchanged first, then the newest others, at most three of each type', () => {
    const examples = pickExamples([
      post('Newest, edited', true),
      post('Unchanged A'),
      post('Edited B', true),
      post('Unchanged C'),
      post('Edited D', true),
      reel('A reel without a first draft'),
    ]);
    expect(examples.map((e) => [e.type, e.title, e.unchanged])).toEqual([
      ['POST', 'Unchanged A', true],
      ['POST', 'Unchanged C', true],
      ['POST', 'Newest, edited', false],
      ['REEL', 'A reel without a first draft', false],
    ]);
  });

  it('when a reel is approved as first written, with its beats, then it counts as unchanged', () => {
    const idea = reel('Morning pour');
    const [example] = pickExamples([{ ...idea, firstDraft: ideaSnapshot(idea) }]);
    expect(example?.unchanged).toBe(true);
  });
});

describe('turnedDownNotes', () => {
  it('keeps the title and the first words of the client’s comment, on one line', () => {
    expect(
      turnedDownNotes([
        { title: 'Cheap coffee Mondays', clientComment: 'We never\ndiscount.' },
        { title: 'Silent no', clientComment: null },
        { title: 'Long one', clientComment: 'x'.repeat(300) },
      ]),
    ).toEqual([
      { title: 'Cheap coffee Mondays', reason: 'We never discount.' },
      { title: 'Silent no', reason: null },
      { title: 'Long one', reason: `${'x'.repeat(199)}…` },
    ]);
  });
});
