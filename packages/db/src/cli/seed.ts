import { env, loadConfig } from '@muse/config';
import { z } from 'zod';
import { createDatabase } from '../client.ts';
import { seed } from '../seed/seed.ts';

// The demo data is loaded as the owner: it makes active users, which no service role may.
const config = loadConfig('seed', z.object({ DATABASE_OWNER_URL: env.postgresUrl() }));

const db = createDatabase({ url: config.DATABASE_OWNER_URL, poolSize: 2 });
try {
  const result = await seed(db);
  console.log(
    `seed: created ${result.tenantsCreated.join(', ') || 'nothing'}; already there: ${result.tenantsSkipped.join(', ') || 'nothing'}`,
  );
} catch (error) {
  console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db.disconnect();
}
