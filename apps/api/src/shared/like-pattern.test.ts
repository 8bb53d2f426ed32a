import { describe, expect, it } from 'vitest';
import { literalContains } from './like-pattern.ts';

describe('literalContains', () => {
  it('when the term holds LIKE wildcards or backslashes, then each is escaped with a backslash', () => {
    expect(literalContains('100%')).toBe('100\\%');
    expect(literalContains('a_b')).toBe('a\\_b');
    expect(literalContains('C:\\tmp')).toBe('C:\\\\tmp');
    expect(literalContains('%_\\')).toBe('\\%\\_\\\\');
  });

  it('when the term holds no special characters, then it is unchanged', () => {
    expect(literalContains('Harbour Bakery (old)')).toBe('Harbour Bakery (old)');
  });
});
