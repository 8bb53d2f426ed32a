import { describe, expect, it } from 'vitest';
import { extendContext, getContext, requestIdFrom, runWithContext } from './index.ts';

describe('request context', () => {
  it('when work runs in a context, then it is seen across awaits, extended in place, and gone outside', async () => {
    await runWithContext({ requestId: 'req-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      extendContext({ userId: 'user-1' });
      expect(getContext()).toEqual({ requestId: 'req-1', userId: 'user-1' });
    });
    expect(getContext()).toBeUndefined();
    extendContext({ userId: 'nobody' });
    expect(getContext()).toBeUndefined();
  });

  it('when a request id is a short token of letters, digits and . _ : -, then it is kept', () => {
    expect(requestIdFrom('abc-123')).toBe('abc-123');
    expect(requestIdFrom('trace.01:span_2')).toBe('trace.01:span_2');
    expect(requestIdFrom('a'.repeat(128))).toBe('a'.repeat(128));
    expect(requestIdFrom(['first-1', 'second-2'])).toBe('first-1');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['with spaces', 'bad id'],
    ['with a newline', 'bad\nid'],
    ['with markup', '<script>alert(1)</script>'],
    ['over 128 characters', 'a'.repeat(129)],
  ])('when a request id is %s, then a fresh UUID replaces it', (_, header) => {
    expect(requestIdFrom(header)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
