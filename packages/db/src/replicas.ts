import type { PrismaClient } from './generated/prisma/client.ts';

export interface ReplicaOptions {
  /** Streaming replicas of the primary, logging in as the same role (DATABASE_REPLICA_URLS). */
  urls: string[];
  /** A replica further behind than this is skipped until it catches up. */
  maxLagMs?: number;
  /** How long after a reader's own write its reads stay on the primary. */
  readYourWritesMs?: number;
  /** How often each replica's lag is measured. */
  probeIntervalMs?: number;
}

export type ReadTarget = 'primary' | 'replica';

export interface ReplicaConnection {
  url: string;
  client: PrismaClient;
}

export type Replica<C extends ReplicaConnection = ReplicaConnection> = C & {
  /** Replay lag at the last probe; undefined until the first one answers, or when it failed. */
  lagMs?: number;
  healthy: boolean;
};

/**
 * The lag of a standby: zero when it has replayed all it received (an idle primary sends
 * nothing, so the last replayed commit's age would overstate it), else the age of that commit.
 * On a server that is not in recovery the answer is null: it is no replica.
 */
const LAG_QUERY = `select case
    when not pg_is_in_recovery() then null
    when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
    else coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000, 0)
  end::float8 as lag_ms`;

/**
 * Healthy replicas to read from, in turn, and who wrote recently (kept in this process's memory:
 * with several API instances a reader's next request may reach another one, whose window has not
 * seen the write — a load balancer's sticky sessions keep that honest).
 */
export function createReplicaSet<C extends ReplicaConnection>(
  connections: C[],
  options: Omit<ReplicaOptions, 'urls'>,
) {
  const maxLagMs = options.maxLagMs ?? 2000;
  const readYourWritesMs = options.readYourWritesMs ?? 5000;
  const replicas: Replica<C>[] = connections.map((c) => ({ ...c, healthy: false }));
  const lastWriteAt = new Map<string, number>();
  const reads: Record<ReadTarget, number> = { primary: 0, replica: 0 };
  let next = 0;

  async function probe(replica: Replica<C>): Promise<void> {
    try {
      const [row] = await replica.client.$queryRawUnsafe<{ lag_ms: number | null }[]>(LAG_QUERY);
      replica.lagMs = row?.lag_ms ?? undefined;
    } catch {
      replica.lagMs = undefined;
    }
    replica.healthy = replica.lagMs !== undefined && replica.lagMs <= maxLagMs;
  }

  let probing: Promise<void> | undefined;
  // One round at a time: a replica that does not answer takes its connect timeout to fail.
  const probeAll = (): Promise<void> => {
    probing ??= Promise.all(replicas.map(probe)).then(() => {
      probing = undefined;
    });
    return probing;
  };
  const timer = replicas.length ? setInterval(probeAll, options.probeIntervalMs ?? 1000) : undefined;
  timer?.unref();
  if (replicas.length) void probeAll();

  function forgetOldWrites(now: number) {
    for (const [reader, at] of lastWriteAt) if (now - at > readYourWritesMs) lastWriteAt.delete(reader);
  }

  return {
    replicas,
    /** Measures every replica now, rather than at the next interval. */
    probe: probeAll,
    noteWrite(reader: string) {
      const now = Date.now();
      if (lastWriteAt.size > 10_000) forgetOldWrites(now);
      lastWriteAt.set(reader, now);
    },
    /** A replica to read from, or undefined for the primary. */
    pick(reader: string | undefined): Replica<C> | undefined {
      const wroteAt = reader === undefined ? undefined : lastWriteAt.get(reader);
      if (wroteAt !== undefined && Date.now() - wroteAt <= readYourWritesMs) return undefined;
      const healthy = replicas.filter((r) => r.healthy);
      if (!healthy.length) return undefined;
      next = (next + 1) % healthy.length;
      return healthy[next];
    },
    /** A replica that failed a read: skipped until a probe finds it well again. */
    markDown(replica: Replica<C>) {
      replica.healthy = false;
      replica.lagMs = undefined;
    },
    counted(target: ReadTarget) {
      reads[target] += 1;
    },
    /** Reads served so far by each target: for the metrics. */
    readCounts(): Readonly<Record<ReadTarget, number>> {
      return { ...reads };
    },
    async stop() {
      clearInterval(timer);
      await Promise.all(replicas.map((r) => r.client.$disconnect()));
    },
  };
}

export type ReplicaSet = ReturnType<typeof createReplicaSet<ReplicaConnection>>;
