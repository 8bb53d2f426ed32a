import fs from 'node:fs';

/** One SQL statement as the API ran it. */
export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

/** What the baseline replays. */
export interface BaselineScript {
  /** GET path → the statements the API ran for it. */
  reads: Record<string, CapturedStatement[]>;
  /** A status move of one sample idea, to replay for any idea. */
  write: {
    statements: CapturedStatement[];
    sample: { ideaId: string; version: number; from: string; to: string };
  };
}

/** Statements that belong to the API's isolation and transaction handling, not to the request's data. */
const PLUMBING = /^(BEGIN|COMMIT|ROLLBACK)\b|set_config\(/i;

/**
 * Sends one request to an API whose log level is debug and returns the data statements it ran,
 * read from its log file: what the baseline replays for the same request.
 */
export async function captureStatements(
  logFile: string,
  request: { url: string; method?: string; headers: Record<string, string>; body?: unknown },
): Promise<CapturedStatement[]> {
  const offset = fs.statSync(logFile).size;
  const response = await fetch(request.url, {
    method: request.method ?? 'GET',
    headers: request.body ? { ...request.headers, 'content-type': 'application/json' } : request.headers,
    body: request.body ? JSON.stringify(request.body) : undefined,
  });
  if (!response.ok) throw new Error(`${request.method ?? 'GET'} ${request.url} answered ${response.status}`);
  await response.arrayBuffer();
  // Log lines are written asynchronously; give them a moment to land.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const fd = fs.openSync(logFile, 'r');
  const length = fs.statSync(logFile).size - offset;
  const buffer = Buffer.alloc(length);
  fs.readSync(fd, buffer, 0, length, offset);
  fs.closeSync(fd);
  return buffer
    .toString('utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as { msg?: string; sql?: string; params?: unknown[] };
        return entry.msg === 'sql' && entry.sql && !PLUMBING.test(entry.sql.trim())
          ? [{ sql: entry.sql, params: entry.params ?? [] }]
          : [];
      } catch {
        return [];
      }
    });
}
