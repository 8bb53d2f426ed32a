import { randomUUID } from 'node:crypto';
import type { Generation } from '@muse/contracts';
import type { HttpClient } from '../load/http-client.ts';
import { sleep } from '../load/steady-load.ts';

export const FINISHED = new Set(['SUCCEEDED', 'FAILED']);

/** Asks for a run of one post on the campaign (a fresh Idempotency-Key); answers its id. */
export async function requestGeneration(http: HttpClient, authorization: string, campaignId: string) {
  const outcome = await http.send({
    method: 'POST',
    path: `/api/campaigns/${campaignId}/generate`,
    headers: { authorization, 'idempotency-key': randomUUID() },
    body: { numPosts: 1, numReels: 0, platforms: ['INSTAGRAM'] },
  });
  if (outcome.status !== 202) {
    throw new Error(
      `POST /generate answered ${outcome.status ?? outcome.failure} ${JSON.stringify(outcome.body)}`,
    );
  }
  return (outcome.body as { generationId: string }).generationId;
}

export interface Ending {
  id: string;
  status: Generation['status'];
  errorCode: Generation['errorCode'];
  ideaCount: number;
  /** From the request until the API showed it finished; undefined while it has not. */
  ms: number | undefined;
}

/** Polls GET /api/generations/:id until every run has finished or `timeoutMs` passed. */
export async function waitForEndings(
  http: HttpClient,
  authorization: string,
  ids: readonly string[],
  since: number,
  timeoutMs: number,
): Promise<Ending[]> {
  const endings = new Map<string, Ending>();
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    for (const id of ids) {
      if (endings.get(id)?.ms !== undefined) continue;
      const outcome = await http.send({
        method: 'GET',
        path: `/api/generations/${id}`,
        headers: { authorization },
      });
      const run = outcome.body as Generation | null;
      if (outcome.status !== 200 || !run) continue;
      const finished = FINISHED.has(run.status);
      endings.set(id, {
        id,
        status: run.status,
        errorCode: run.errorCode,
        ideaCount: run.ideaIds.length,
        ms: finished ? performance.now() - since : undefined,
      });
    }
    const open = ids.filter((id) => endings.get(id)?.ms === undefined);
    if (open.length === 0 || performance.now() > deadline) break;
    await sleep(200);
  }
  return ids.map(
    (id) => endings.get(id) ?? { id, status: 'QUEUED', errorCode: null, ideaCount: 0, ms: undefined },
  );
}
