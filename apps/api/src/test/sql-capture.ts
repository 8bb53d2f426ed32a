import { createRequire } from 'node:module';

/** The parts of the `pg` driver these helpers use. */
interface PgClient {
  connect(): Promise<unknown>;
  query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}
interface PgDriver {
  Client: {
    new (config: { connectionString: string }): PgClient;
    prototype: { query: (...args: unknown[]) => unknown };
  };
}

// The driver under Prisma's adapter, resolved from @muse/db: the same module instance, so
// wrapping its Client sees every statement the API sends.
const pg = createRequire(createRequire(import.meta.url).resolve('@muse/db'))('pg') as PgDriver;

export interface Statement {
  text: string;
  values: unknown[];
}

/**
 * Records every SQL statement sent through `pg` until stopped: the exact text and parameters
 * the repositories run. The job queue's own statements (schema pgboss) are left out.
 */
export function captureSql() {
  const statements: Statement[] = [];
  const { prototype } = pg.Client;
  const original = prototype.query;
  prototype.query = function query(this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    const config = typeof first === 'object' && first !== null ? (first as Partial<Statement>) : undefined;
    const text = typeof first === 'string' ? first : config?.text;
    const values = typeof first === 'string' ? second : config?.values;
    if (text && !text.includes('pgboss')) {
      statements.push({ text, values: Array.isArray(values) ? values : [] });
    }
    return original.apply(this, args);
  };
  return {
    statements,
    stop() {
      prototype.query = original;
    },
  };
}

/** A plan node of EXPLAIN (FORMAT JSON). */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/**
 * EXPLAIN of captured statements as the API runs them: the application role, row-level
 * security bound to the tenant, the same parameters. Nothing is executed (EXPLAIN without ANALYZE).
 */
export async function explainAll(databaseUrl: string, tenantId: string, statements: Statement[]) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const plans: { sql: string; plan: PlanNode }[] = [];
    for (const statement of statements) {
      await client.query('begin');
      try {
        await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
        const { rows } = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
          `explain (format json) ${statement.text}`,
          statement.values,
        );
        const plan = rows[0]?.['QUERY PLAN'][0]?.Plan;
        if (plan) plans.push({ sql: statement.text, plan });
      } finally {
        await client.query('rollback');
      }
    }
    return plans;
  } finally {
    await client.end();
  }
}

/** Runs statements as the owner (bulk loading, ANALYZE), outside row-level security. */
export async function asOwner<T>(databaseUrl: string, fn: (client: PgClient) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
