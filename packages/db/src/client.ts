import { AsyncLocalStorage } from 'node:async_hooks';
import { isUuid } from '@muse/contracts';
import { PrismaPg } from '@prisma/adapter-pg';
import { LRUCache } from 'lru-cache';
import { type Prisma, PrismaClient } from './generated/prisma/client.ts';
import { logsInAsApplication, urlAs } from './service-roles.ts';

/** Models with a tenantId column: every query on them is scoped to one tenant. */
export const TENANT_MODELS: ReadonlySet<Prisma.ModelName> = new Set<Prisma.ModelName>([
  'User',
  'Client',
  'Campaign',
  'Generation',
  'Idea',
  'IdeaRevision',
  'Comment',
  'ActivityEvent',
  'EmailMessage',
  'ReviewRound',
  'ReviewLink',
  'Notification',
  'NotificationPreference',
  'LiveEvent',
  'BrandProfileVersion',
  'CalendarFeed',
  'BrandProposal',
  'BrandFeedbackRun',
]);

export class TenantGuardError extends Error {
  override name = 'TenantGuardError';
}

export interface DatabaseOptions {
  /** The services' DATABASE_URL (the application role); the owner's for tools such as the seed. */
  url: string;
  /** Connections in the pool. */
  poolSize?: number;
  /** Called with every SQL statement the client runs: for debug logs and query capture. */
  onQuery?: (query: ExecutedQuery) => void;
}

export interface ExecutedQuery {
  sql: string;
  params: unknown[];
  durationMs: number;
}

type AnyArgs = Record<string, unknown> & { where?: unknown; data?: unknown; create?: unknown };

const WHERE_OPERATIONS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'delete',
  'deleteMany',
  'upsert',
]);

/**
 * Adds the tenant to a query's filter and to every row it creates. A query that names
 * another tenant is refused rather than silently rewritten: it is a bug in the caller.
 */
export function scopeArgs(operation: string, args: AnyArgs, tenantId: string): AnyArgs {
  const scoped: AnyArgs = { ...args };
  const sameTenant = (value: object | undefined) => {
    const named = (value as { tenantId?: unknown } | undefined)?.tenantId;
    if (named !== undefined && named !== tenantId) {
      throw new TenantGuardError(`query names tenant ${String(named)} inside tenant ${tenantId}`);
    }
    return value;
  };
  if (WHERE_OPERATIONS.has(operation)) scoped.where = { ...sameTenant(args.where as object), tenantId };
  const withTenant = (data: unknown) => ({ ...sameTenant(data as object), tenantId });
  if (operation === 'create') scoped.data = withTenant(args.data);
  if (operation === 'createMany' || operation === 'createManyAndReturn') {
    scoped.data = Array.isArray(args.data) ? args.data.map(withTenant) : withTenant(args.data);
  }
  if (operation === 'upsert') scoped.create = withTenant(args.create);
  return scoped;
}

/** The tenant of the transaction withTenantTx is starting, for the adapter to bind it on BEGIN. */
const startingTenantTx = new AsyncLocalStorage<string>();

type PgTransaction = Awaited<ReturnType<Awaited<ReturnType<PrismaPg['connect']>>['startTransaction']>>;

const driverStatement = (sql: string, args: string[] = []) => ({
  sql,
  args,
  argTypes: args.map(() => ({ scalarType: 'string' as const, arity: 'scalar' as const })),
});

/**
 * Binds a tenant transaction to its tenant for row-level security right after BEGIN, on the
 * driver: before the transaction's first query can run, and without a statement of Prisma's
 * own (which costs several times the round trip).
 */
function bindingTenantOnBegin(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const begin = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tenantId = startingTenantTx.getStore();
      const tx = await begin(isolationLevel);
      if (tenantId) await bindTenant(tx, tenantId);
      return tx;
    };
    return adapter;
  };
  return factory;
}

async function bindTenant(tx: PgTransaction, tenantId: string): Promise<void> {
  try {
    await tx.executeRaw(driverStatement("select set_config('app.tenant_id', $1, true)", [tenantId]));
  } catch (error) {
    // The driver's rollback only releases the connection: end the transaction first.
    await tx.executeRaw(driverStatement('ROLLBACK')).catch(() => undefined);
    await tx.rollback();
    throw error;
  }
}

function createBaseClient(options: DatabaseOptions): PrismaClient {
  const adapter = bindingTenantOnBegin(
    new PrismaPg({ connectionString: options.url, max: options.poolSize ?? 10 }),
  );
  if (!options.onQuery) return new PrismaClient({ adapter });
  const onQuery = options.onQuery;
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => {
    onQuery({ sql: event.query, params: parseParams(event.params), durationMs: event.duration });
  });
  return client;
}

function parseParams(params: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(params);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** Refuses tenant-model queries that do not go through forTenant. */
function guarded(client: PrismaClient) {
  return client.$extends({
    name: 'tenant-guard',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (TENANT_MODELS.has(model as Prisma.ModelName)) {
            throw new TenantGuardError(`${model}.${operation} needs a tenant: use forTenant or withTenantTx`);
          }
          return query(args);
        },
      },
    },
  });
}

function scopedTo(client: PrismaClient, tenantId: string) {
  return client.$extends({
    name: 'tenant-scope',
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!TENANT_MODELS.has(model as Prisma.ModelName)) return query(args);
          return query(scopeArgs(operation, args as AnyArgs, tenantId) as typeof args);
        },
      },
    },
  });
}

export type TenantClient = ReturnType<typeof scopedTo>;
export type TenantTx = Parameters<Parameters<TenantClient['$transaction']>[0]>[0];
export type GuardedClient = ReturnType<typeof guarded>;
export type BaseTx = Prisma.TransactionClient;

export interface TxOptions {
  isolationLevel?: Prisma.TransactionIsolationLevel;
  timeoutMs?: number;
}

export function createDatabase(options: DatabaseOptions) {
  const base = createBaseClient(options);
  // Sign-in and platform administration log in as muse_platform beside the application role,
  // on a small pool of their own; a tool connected as the owner uses its own login for both.
  const platform = logsInAsApplication(options.url)
    ? createBaseClient({
        ...options,
        url: urlAs(options.url, 'platform'),
        poolSize: Math.max(2, Math.floor((options.poolSize ?? 10) / 4)),
      })
    : base;
  const client = guarded(base);
  // Extended clients are cheap but not free; keep one per recently active tenant.
  const scopedClients = new LRUCache<string, TenantClient>({ max: 2000 });

  function forTenant(tenantId: string): TenantClient {
    if (!isUuid(tenantId)) throw new TenantGuardError(`not a tenant id: ${JSON.stringify(tenantId)}`);
    let scoped = scopedClients.get(tenantId);
    if (!scoped) {
      scoped = scopedTo(base, tenantId);
      scopedClients.set(tenantId, scoped);
    }
    return scoped;
  }

  /** Runs fn in one transaction bound to the tenant at both layers: the guard and row-level security. */
  function withTenantTx<T>(tenantId: string, fn: (tx: TenantTx) => Promise<T>, txOptions: TxOptions = {}) {
    const scoped = forTenant(tenantId);
    return startingTenantTx.run(tenantId, () =>
      scoped.$transaction(
        // Transactions started inside this one are not this one: they bind their own scope.
        (tx) => startingTenantTx.exit(() => fn(tx)),
        { isolationLevel: txOptions.isolationLevel, timeout: txOptions.timeoutMs ?? 15_000, maxWait: 10_000 },
      ),
    );
  }

  /**
   * Sign-in and platform administration: tenants, user identities and counts across tenants,
   * as muse_platform, whose grants hold no agency content.
   */
  function withPlatformTx<T>(fn: (tx: BaseTx) => Promise<T>) {
    return platform.$transaction(fn);
  }

  return {
    client,
    forTenant,
    withTenantTx,
    withPlatformTx,
    async ping(): Promise<void> {
      await base.$queryRaw`select 1`;
    },
    async disconnect() {
      await Promise.all([base.$disconnect(), platform !== base && platform.$disconnect()]);
    },
  };
}

export type Database = ReturnType<typeof createDatabase>;
