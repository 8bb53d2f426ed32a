import type { TestProject } from 'vitest/node';
import { startTestDatabase } from './src/test-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The owner's URL of the test server's database: tests make their own databases from it. */
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const database = await startTestDatabase();
  project.provide('databaseUrl', database.ownerUrl);
  return () => database.stop();
}
