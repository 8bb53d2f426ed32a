import { env, loadConfig } from '@muse/config';
import { z } from 'zod';
import { APPLICATION_ROLE, logsInAsApplication } from '../service-roles.ts';
import { setUpDatabase } from '../set-up.ts';

const config = loadConfig(
  'migrate',
  z.object({
    /** The owner: runs the migrations and installs the job queue's schema. */
    DATABASE_OWNER_URL: env.postgresUrl(),
    /** The services' login: the service roles get its password. */
    DATABASE_URL: env
      .postgresUrl()
      .refine(logsInAsApplication, {
        message: `must log in as ${APPLICATION_ROLE}, the role the migrations set up`,
        when: (payload) => payload.issues.length === 0,
      })
      .refine((url) => new URL(url).password !== '', {
        message: 'must carry the password the services log in with',
        when: (payload) => payload.issues.length === 0,
      }),
  }),
);

try {
  const password = decodeURIComponent(new URL(config.DATABASE_URL).password);
  const result = await setUpDatabase(config.DATABASE_OWNER_URL, {
    password,
    log: (line) => console.log(line),
  });
  console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied`);
  console.log('the service roles log in with the password of DATABASE_URL');
} catch (error) {
  console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
