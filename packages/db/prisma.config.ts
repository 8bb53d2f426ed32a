import path from 'node:path';
import { defineConfig } from 'prisma/config';

const root = path.resolve(import.meta.dirname, '../..');

export default defineConfig({
  schema: path.join(root, 'prisma/schema.prisma'),
  migrations: { path: path.join(root, 'prisma/migrations'), seed: 'tsx src/cli/seed.ts' },
  // Only the migration tooling reads this, as the owner; the services build their own connections.
  datasource: { url: process.env.DATABASE_OWNER_URL ?? 'postgresql://localhost:5432/muse' },
});
