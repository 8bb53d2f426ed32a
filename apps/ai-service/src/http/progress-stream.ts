import type { GenerateIdeasResponse, GenerateProgress, GenerateStreamLine } from '@muse/contracts';
import { errorBody } from '@muse/http';
import type { Logger } from '@muse/logger';
import type { Response } from 'express';
import { reportFailure, toAppError } from './errors.ts';

/**
 * Answers a run as newline-delimited JSON: a line per progress report, then the result or the
 * error. The status line waits for the first line, so a run that fails before its first batch
 * finished (a bad template version, no room in the token budget, the model down) is thrown to the
 * error handler and answered with its own status, as on /generate; only a later failure is a line.
 */
export async function streamRun(
  res: Response,
  logger: Logger,
  run: (onProgress: (progress: GenerateProgress) => void) => Promise<GenerateIdeasResponse>,
): Promise<void> {
  let finished = false;
  const send = (line: GenerateStreamLine) => {
    if (!res.headersSent) {
      res.status(200).type('application/x-ndjson');
      // Each line matters as it comes: no proxy may hold it back.
      res.setHeader('Cache-Control', 'no-cache, no-transform');
      res.setHeader('X-Accel-Buffering', 'no');
    }
    res.write(`${JSON.stringify(line)}\n`);
  };
  try {
    const result = await run((progress) => {
      // A batch may still report after a sibling failed the run: the stream has ended by then.
      if (!finished) send({ type: 'progress', ...progress });
    });
    finished = true;
    send({ type: 'result', result });
  } catch (error) {
    finished = true;
    if (!res.headersSent) throw error;
    const answered = toAppError(error);
    reportFailure(logger, error, answered);
    send({ type: 'error', status: answered.status, ...errorBody(answered) });
  }
  res.end();
}
