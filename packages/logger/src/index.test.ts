import { Writable } from 'node:stream';
import { extendContext, runWithContext } from '@muse/request-context';
import { describe, expect, it } from 'vitest';
import { createLogger } from './index.ts';

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
});
