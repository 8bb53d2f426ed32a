import { describe, expect, it } from 'vitest';
import { fieldText, wordDiff } from './word-diff';

/** The text as it was (same + removed) and as it is (same + added). */
const sides = (parts: ReturnType<typeof wordDiff>) => ({
  before: parts
    .filter((part) => part.kind !== 'added')
    .map((part) => part.text)
    .join(''),
  after: parts
    .filter((part) => part.kind !== 'removed')
    .map((part) => part.text)
    .join(''),
});

describe('wordDiff', () => {
  it('marks a replaced word as removed then added, keeping the words around it', () => {
    expect(wordDiff('Fresh bread every morning', 'Fresh croissants every morning')).toEqual([
      { kind: 'same', text: 'Fresh ' },
      { kind: 'removed', text: 'bread' },
      { kind: 'added', text: 'croissants' },
      { kind: 'same', text: ' every morning' },
    ]);
  });

  it('joins neighbouring changes into one part', () => {
    expect(wordDiff('a b', 'a b c d')).toEqual([
      { kind: 'same', text: 'a b' },
      { kind: 'added', text: ' c d' },
    ]);
  });

  it('reports identical texts as one unchanged part, and an emptied text as removed', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ kind: 'same', text: 'same words' }]);
    expect(wordDiff('gone now', '')).toEqual([{ kind: 'removed', text: 'gone now' }]);
    expect(wordDiff('', 'new')).toEqual([{ kind: 'added', text: 'new' }]);
    expect(wordDiff(' lead', 'lead')).toEqual([
      { kind: 'removed', text: ' ' },
      { kind: 'same', text: 'lead' },
    ]);
  });

  it('always rebuilds both texts exactly, whitespace and line breaks included', () => {
    const before = 'Slow mornings,\nwarm cups  and a good book.';
    const after = 'Slow mornings,\n\nhot cups and a book by the window.';
    expect(sides(wordDiff(before, after))).toEqual({ before, after });
  });

  it('keeps the longest run of common words unchanged', () => {
    const parts = wordDiff('one two three four', 'zero one two three');
    const same = parts
      .filter((part) => part.kind === 'same')
      .map((part) => part.text)
      .join('');
    expect(same).toBe('one two three');
  });
});

describe('fieldText', () => {
  it('reads missing values as empty and lists one item per line', () => {
    expect(fieldText(null)).toBe('');
    expect(fieldText(undefined)).toBe('');
    expect(fieldText(['#coffee', '#morning'])).toBe('#coffee\n#morning');
    expect(fieldText(42)).toBe('42');
  });

  it('reads each reel beat as its values joined', () => {
    expect(
      fieldText([
        { seconds: '0-3', shot: 'Pour', voiceover: 'Start slow' },
        { seconds: '3-6', shot: 'Sip', voiceover: 'Stay' },
      ]),
    ).toBe('0-3 · Pour · Start slow\n3-6 · Sip · Stay');
  });
});
