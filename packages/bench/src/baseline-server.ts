// The practical limit on this machine: node:http and pg, replaying the exact statements the API
// ran for each benchmarked request (captured from its debug log), with no framework, ORM, auth or
// row-level security. Writes substitute each connection's idea id, version and target status.
import fs from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import type { BaselineScript, CapturedStatement } from './capture.ts';
import { writeSubstitution } from './replay.ts';

const port = Number(process.env.PORT);
const script = JSON.parse(fs.readFileSync(process.env.BASELINE_SCRIPT as string, 'utf8')) as BaselineScript;
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 10),
});

async function replay(statements: CapturedStatement[], substitute: (value: unknown) => unknown = (v) => v) {
  const results: pg.QueryResultRow[][] = [];
  for (const statement of statements) {
    results.push((await pool.query(statement.sql, statement.params.map(substitute))).rows);
  }
  return results;
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

const server = http.createServer(async (request, response) => {
  const send = (status: number, payload: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  };
  try {
    const url = request.url ?? '/';
    if (url === '/healthz') return send(200, { status: 'ok' });
    if (request.method === 'GET' && script.reads[url]) {
      const results = await replay(script.reads[url]);
      // The list statement is the one whose rows the API pages over: the largest result.
      const items = results.reduce((a, b) => (b.length > a.length ? b : a), []);
      return send(200, { items, related: results });
    }
    const patch = /^\/api\/ideas\/([0-9a-f-]{36})$/.exec(url);
    if (request.method === 'PATCH' && patch) {
      const { status, version } = JSON.parse(await readBody(request)) as { status: string; version: number };
      const results = await replay(
        script.write.statements,
        writeSubstitution(script.write.sample, patch[1] as string, version, status),
      );
      const updated = results
        .flat()
        .find((row) => typeof row.version === 'number' && row.version === version + 1);
      return updated ? send(200, { ...updated, status }) : send(409, { error: { code: 'version_conflict' } });
    }
    send(404, { error: { code: 'not_found' } });
  } catch (error) {
    send(500, { error: { code: 'internal', message: (error as Error).message } });
  }
});

server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
