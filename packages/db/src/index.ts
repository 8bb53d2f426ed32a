export * from './client.ts';
export type * from './generated/prisma/client.ts';
export { Prisma } from './generated/prisma/client.ts';
export * from './generated/prisma/enums.ts';
export { JOB_QUEUE_SCHEMA } from './job-queue-schema.ts';
export { type Listener, type ListenOptions, listen } from './listen.ts';
export { checksumOf, MigrationError, migrate, readMigrations } from './migrate.ts';
export * from './service-roles.ts';
export { type SetUpResult, setUpDatabase } from './set-up.ts';
