import type autocannon from 'autocannon';

interface Held {
  ideaId?: string;
}

/**
 * Status writes: each request takes an idea no other request holds, moves it GENERATED ↔
 * AGENCY_REJECTED at its current version (optimistic concurrency) and gives it back with the
 * version the answer carries. autocannon clears a connection's context after every request list,
 * so the ideas' state lives here, not in the context.
 */
export function writeRequests(ideas: { id: string; version: number }[]): autocannon.Request[] {
  const state = new Map(ideas.map((idea) => [idea.id, { version: idea.version, status: 'GENERATED' }]));
  const free = ideas.map((idea) => idea.id);
  return [
    {
      method: 'PATCH',
      setupRequest: (request, context: Held) => {
        const ideaId = free.shift();
        if (!ideaId) throw new Error('more requests in flight than ideas to write');
        context.ideaId = ideaId;
        const idea = state.get(ideaId) as { version: number; status: string };
        const to = idea.status === 'GENERATED' ? 'AGENCY_REJECTED' : 'GENERATED';
        return {
          ...request,
          path: `/api/ideas/${ideaId}`,
          body: JSON.stringify({ status: to, version: idea.version }),
        };
      },
      onResponse: (status, body, context: Held) => {
        const ideaId = context.ideaId as string;
        if (status === 200) {
          const answer = JSON.parse(body) as { version: number; status: string };
          state.set(ideaId, { version: answer.version, status: answer.status });
        }
        free.push(ideaId);
      },
    },
  ];
}
