import { query as ownerQuery } from '@muse/db/scratch';
import type { HttpClient, Outcome } from '../load/http-client.ts';
import { startSteadyLoad } from '../load/steady-load.ts';

export interface Sample {
  label: string;
  write: boolean;
  outcome: Outcome;
}

/** The names sent to one user, in order, and whether the API acknowledged each. */
interface Renames {
  userId: string;
  sent: { name: string; acknowledged: boolean }[];
}

export const ok = (outcome: Outcome) =>
  outcome.status !== null && outcome.status >= 200 && outcome.status < 300;

/**
 * Steady reads and writes as an agency admin, each loop on its own user: list users, rename its
 * user, invite someone, add a client, read /api/me. It remembers every write the API acknowledged,
 * so they can be looked for in the database afterwards.
 */
export async function startWriteLoad(
  client: HttpClient,
  authorization: string,
  options: { concurrency: number; maxMs: number },
) {
  const headers = { authorization };
  const samples: Sample[] = [];
  const invitedEmails: string[] = [];
  const createdClientIds: string[] = [];
  const renames: Renames[] = [];
  const call = async (label: string, write: boolean, request: Parameters<HttpClient['send']>[0]) => {
    const outcome = await client.send({ ...request, headers });
    samples.push({ label, write, outcome });
    return outcome;
  };

  for (let loop = 0; loop < options.concurrency; loop += 1) {
    const invited = await client.send({
      method: 'POST',
      path: '/api/users/invitations',
      headers,
      body: {
        email: `loop-${loop}-${Date.now()}@resilience.test`,
        name: `Loop ${loop}`,
        role: 'AGENCY_MEMBER',
      },
    });
    if (invited.status !== 201) throw new Error(`cannot invite the user of loop ${loop}: ${invited.status}`);
    renames.push({ userId: (invited.body as { id: string }).id, sent: [] });
  }

  const load = startSteadyLoad({
    concurrency: options.concurrency,
    maxMs: options.maxMs,
    async step(loop, iteration) {
      switch (iteration % 5) {
        case 0:
          await call('GET /api/users', false, { method: 'GET', path: '/api/users?limit=20' });
          break;
        case 1: {
          const own = renames[loop] as Renames;
          const entry = { name: `Loop ${loop} rename ${iteration}`, acknowledged: false };
          own.sent.push(entry);
          const outcome = await call('PATCH /api/users/:id', true, {
            method: 'PATCH',
            path: `/api/users/${own.userId}`,
            body: { name: entry.name },
          });
          entry.acknowledged = ok(outcome);
          break;
        }
        case 2: {
          const email = `invitee-${loop}-${iteration}-${Date.now()}@resilience.test`;
          const outcome = await call('POST /api/users/invitations', true, {
            method: 'POST',
            path: '/api/users/invitations',
            body: { email, name: `Invitee ${iteration}`, role: 'AGENCY_MEMBER' },
          });
          if (ok(outcome)) invitedEmails.push(email);
          break;
        }
        case 3: {
          const outcome = await call('POST /api/clients', true, {
            method: 'POST',
            path: '/api/clients',
            body: { name: `Brand ${loop}-${iteration}`, platforms: ['INSTAGRAM'] },
          });
          if (ok(outcome)) createdClientIds.push((outcome.body as { id: string }).id);
          break;
        }
        default:
          await call('GET /api/me', false, { method: 'GET', path: '/api/me' });
      }
    },
  });

  return {
    samples,
    stop: load.stop,
    acknowledged: () => samples.filter((sample) => sample.write && ok(sample.outcome)).length,

    /**
     * Acknowledged writes that are not in the database: invitations and clients whose row is
     * missing, and users whose name is older than the last acknowledged rename (a later,
     * unanswered rename may have landed).
     */
    async lostWrites(databaseUrl: string): Promise<string[]> {
      const lost: string[] = [];
      const users = await ownerQuery<{ email: string }>(
        databaseUrl,
        'select email from users where email = any($1)',
        [invitedEmails],
      );
      const emails = new Set(users.map((row) => row.email));
      for (const email of invitedEmails) if (!emails.has(email)) lost.push(`invitation ${email}`);

      const clients = await ownerQuery<{ id: string }>(
        databaseUrl,
        'select id from clients where id = any($1)',
        [createdClientIds],
      );
      const clientIds = new Set(clients.map((row) => row.id));
      for (const id of createdClientIds) if (!clientIds.has(id)) lost.push(`client ${id}`);

      const names = await ownerQuery<{ id: string; name: string }>(
        databaseUrl,
        'select id, name from users where id = any($1)',
        [renames.map((own) => own.userId)],
      );
      for (const own of renames) {
        const last = own.sent.findLastIndex((entry) => entry.acknowledged);
        if (last < 0) continue;
        const current = names.find((row) => row.id === own.userId)?.name;
        if (!current || !own.sent.slice(last).some((entry) => entry.name === current)) {
          lost.push(`rename to "${own.sent[last]?.name}" (found "${current}")`);
        }
      }
      return lost;
    },
  };
}
