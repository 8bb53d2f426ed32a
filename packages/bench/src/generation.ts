import { median } from './load.ts';

export interface GenerationFigures {
  runs: number;
  endToEndMs: number;
  modelMs: number;
}

interface RecordedRequest {
  at: string;
  durationMs: number | null;
}

/**
 * POST /generate?wait=true for 10 posts + 5 reels, five times. The model's own time of a run is
 * the span from its first call's arrival to its last call's answer, read from the offline
 * model's request log; the rest of the end-to-end time is Muse's own overhead.
 */
export async function measureGeneration(options: {
  apiUrl: string;
  offlineModelUrl: string;
  /** The offline model's OFFLINE_MODEL_DEBUG_TOKEN, for its request log. */
  modelDebugToken: string;
  token: string;
  /** One campaign per run, as an agency generates for several campaigns. */
  campaignIds: string[];
}): Promise<GenerationFigures> {
  const debug = { authorization: `Bearer ${options.modelDebugToken}` };
  const endToEnd: number[] = [];
  const model: number[] = [];
  for (const [run, campaignId] of options.campaignIds.entries()) {
    await fetch(`${options.offlineModelUrl}/_requests`, { method: 'DELETE', headers: debug });
    const started = performance.now();
    const response = await fetch(`${options.apiUrl}/api/campaigns/${campaignId}/generate?wait=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ numPosts: 10, numReels: 5 }),
    });
    const elapsed = performance.now() - started;
    const body = (await response.json()) as { status?: string; ideaIds?: string[] };
    if (!response.ok || body.status !== 'SUCCEEDED') {
      throw new Error(
        `generation run ${run + 1} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`,
      );
    }
    const { requests } = (await (
      await fetch(`${options.offlineModelUrl}/_requests`, { headers: debug })
    ).json()) as {
      requests: RecordedRequest[];
    };
    const starts = requests.map((r) => Date.parse(r.at));
    const ends = requests.map((r) => Date.parse(r.at) + (r.durationMs ?? 0));
    endToEnd.push(elapsed);
    model.push(Math.max(...ends) - Math.min(...starts));
  }
  return { runs: endToEnd.length, endToEndMs: median(endToEnd), modelMs: median(model) };
}
