import path from 'node:path';
import { defineConfig } from 'prisma/config';

const root = path.resolve(import.meta.dirname, '../..');

export default defineConfig({
  schema: path.join(root, 'prisma/schema.prisma'),
  migrations: { path: path.join(root, 'prisma/migrations'), seed: 'tsx src/cli/seed.ts' },
  // Only the migration tooling reads this; the application builds its own connection.
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/muse' },
});
