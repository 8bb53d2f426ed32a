import { installJobQueueSchema } from './job-queue-schema.ts';
import { type MigrateResult, migrate } from './migrate.ts';
import { provisionServiceLogins } from './service-roles.ts';

export interface SetUpResult extends MigrateResult {
  /** DATABASE_URL for the services: the application role's login on the owner's server. */
  appUrl: string;
}

/**
 * Everything a database needs before the services start, as its owner: the migrations, the job
 * queue's schema, and logins for the service roles with `password`.
 */
export async function setUpDatabase(
  ownerUrl: string,
  options: { password: string; log?: (message: string) => void },
): Promise<SetUpResult> {
  const result = await migrate(ownerUrl, { log: options.log });
  await installJobQueueSchema(ownerUrl);
  const appUrl = await provisionServiceLogins(ownerUrl, options.password);
  return { ...result, appUrl };
}
