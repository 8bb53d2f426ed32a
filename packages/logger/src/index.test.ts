import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, extendContext, requestIdFrom, runWithContext } from './index.ts';

function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger('test', { level: 'info' }, stream) };
}

describe('logger', () => {
  it('when logging inside a request context, then every line carries its request id and user', () => {
    const { lines, logger } = captureLogger();
    runWithContext({ requestId: 'req-1' }, () => {
      extendContext({ userId: 'user-1' });
      logger.info('hello');
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ msg: 'hello', requestId: 'req-1', userId: 'user-1', name: 'test' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('when a request carries an authorization header, then the log shows it redacted', () => {
    const { lines, logger } = captureLogger();
    logger.info({ req: { headers: { authorization: 'Bearer secret-token' } } }, 'request');
    expect(JSON.stringify(lines[0])).not.toContain('secret-token');
    expect(JSON.stringify(lines[0])).toContain('[redacted]');
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
