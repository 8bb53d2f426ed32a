import { env, loadConfig } from '@muse/config';
import { z } from 'zod';
import { migrate } from '../migrate.ts';

const config = loadConfig('migrate', z.object({ DATABASE_URL: env.postgresUrl() }));

try {
  const result = await migrate(config.DATABASE_URL, { log: (line) => console.log(line) });
  console.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied`);
} catch (error) {
  console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
