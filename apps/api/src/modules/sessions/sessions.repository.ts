import { type BaseTx, Prisma } from '@muse/db';

/** Any client or transaction that runs SQL: the functions below suit both service roles. */
type Sql = Pick<BaseTx, '$queryRaw'>;

/**
 * auth_sessions has no tenant and no service role may read it: every access is one of the
 * SECURITY DEFINER functions of its migration.
 */
export const sessionsRepository = {
  async open(sql: Sql, subject: string, expiresAt: Date): Promise<string> {
    const [row] = await sql.$queryRaw<{ id: string }[]>`
      select auth_session_open(${subject}, ${expiresAt}::timestamptz)::text as id`;
    if (!row) throw new Error('auth_session_open returned no row');
    return row.id;
  },

  async isActive(sql: Sql, id: string, subject: string): Promise<boolean> {
    const [row] = await sql.$queryRaw<{ active: boolean }[]>`
      select auth_session_active(${id}::uuid, ${subject}) as active`;
    return row?.active === true;
  },

  /** Ends the session only if it is `subject`'s; whether it ended one. */
  async revoke(sql: Sql, id: string, subject: string): Promise<boolean> {
    const [row] = await sql.$queryRaw<{ ended: boolean }[]>`
      select auth_session_revoke(${id}::uuid, ${subject}) as ended`;
    return row?.ended === true;
  },

  /** Disabling a user: every session of its identity ends with the change. */
  async revokeForSubject(sql: Sql, subject: string): Promise<number> {
    return revokeSubjects(sql, Prisma.sql`array[${subject}]::text[]`);
  },

  /**
   * Suspending a tenant: every session of its users' identities ends. The users are read in the
   * caller's transaction, under its row-level security, in the same statement.
   */
  async revokeForTenant(sql: Sql, tenantId: string): Promise<number> {
    return revokeSubjects(
      sql,
      Prisma.sql`array(select auth_subject from users where tenant_id = ${tenantId}::uuid and auth_subject is not null)`,
    );
  },
};

async function revokeSubjects(sql: Sql, subjects: Prisma.Sql): Promise<number> {
  const [row] = await sql.$queryRaw<
    { ended: number }[]
  >`select auth_sessions_revoke_subjects(${subjects}) as ended`;
  return row?.ended ?? 0;
}
