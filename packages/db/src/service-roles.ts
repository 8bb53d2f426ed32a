import pg from 'pg';

/**
 * The roles the services log in as (created by the migrations without LOGIN). None owns a table,
 * is a superuser, bypasses row-level security or can become a role that does:
 * - `app`: tenant data, bound to one tenant per transaction by row-level security;
 * - `platform`: sign-in and platform administration, never an agency's content;
 * - `queue`: the job queue's tables.
 */
export const SERVICE_ROLES = { app: 'muse_app', platform: 'muse_platform', queue: 'muse_queue' } as const;
export type ServiceRole = keyof typeof SERVICE_ROLES;

/** The role tenant data is reached as: the one DATABASE_URL logs in as. */
export const APPLICATION_ROLE = SERVICE_ROLES.app;

/** A URL for `role` on the same server and database, with the same password. */
export function urlAs(url: string, role: ServiceRole): string {
  const parsed = new URL(url);
  parsed.username = SERVICE_ROLES[role];
  return parsed.toString();
}

/** The URLs of all three roles, from the application's own (DATABASE_URL). */
export function serviceUrls(appUrl: string): Record<ServiceRole, string> {
  return { app: urlAs(appUrl, 'app'), platform: urlAs(appUrl, 'platform'), queue: urlAs(appUrl, 'queue') };
}

/** Whether `url` logs in as the application role, as the services must. */
export function logsInAsApplication(url: string): boolean {
  return decodeURIComponent(new URL(url).username) === APPLICATION_ROLE;
}

/**
 * Gives the service roles LOGIN with `password`, connected as the owner. The URL of the
 * application role on the owner's server is returned. A role that already logs in with that
 * password is left alone: roles are the server's, and several databases may share them.
 */
export async function provisionServiceLogins(ownerUrl: string, password: string): Promise<string> {
  const owner = new URL(ownerUrl);
  owner.password = password;
  const appUrl = urlAs(owner.toString(), 'app');
  const urls = serviceUrls(appUrl);
  for (const role of Object.keys(SERVICE_ROLES) as ServiceRole[]) {
    if (await canLogIn(urls[role])) continue;
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await client.query(
        `alter role ${pg.escapeIdentifier(SERVICE_ROLES[role])} with login password ${pg.escapeLiteral(password)}`,
      );
    } catch (error) {
      // Two provisioners of one server at once: the other one's change is the same change.
      if (!(await canLogIn(urls[role]))) throw error;
    } finally {
      await client.end();
    }
  }
  return appUrl;
}

async function canLogIn(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** What a login may do that a service's login must not. */
export interface LoginFacts {
  role: string;
  superuser: boolean;
  bypassRls: boolean;
  /** Tables (of any schema but the catalogs) it owns or could act as the owner of. */
  ownedTables: number;
}

export async function loginFacts(url: string): Promise<LoginFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<LoginFacts>(
      `select r.rolname as role, r.rolsuper as superuser, r.rolbypassrls as "bypassRls",
              (select count(*)::int from pg_tables t
                where t.schemaname not in ('pg_catalog', 'information_schema')
                  and pg_has_role(current_user, t.tableowner, 'MEMBER')) as "ownedTables"
         from pg_roles r where r.rolname = current_user`,
    );
    return rows[0] as LoginFacts;
  } finally {
    await client.end();
  }
}

/** Refuses a login that could leave row-level security: the services start only as service roles. */
export async function assertServiceLogin(url: string, role: ServiceRole): Promise<void> {
  const facts = await loginFacts(url);
  const problems = [
    facts.role !== SERVICE_ROLES[role] && `logs in as ${facts.role}, not ${SERVICE_ROLES[role]}`,
    facts.superuser && 'is a superuser',
    facts.bypassRls && 'bypasses row-level security',
    facts.ownedTables > 0 && `owns (or can act as the owner of) ${facts.ownedTables} tables`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(
      `the database login ${problems.join(', ')}: the services connect as the roles the migrations create (run \`pnpm db:migrate\` with DATABASE_OWNER_URL and DATABASE_URL)`,
    );
  }
}
