import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestDatabase } from '@muse/db/test-database';
import { ensureLocalKeyPair } from '@muse/local-auth';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The application role's login to the test database, as the API connects. */
    databaseUrl: string;
    /** The owner's: for creating databases and loading fixtures outside row-level security. */
    ownerDatabaseUrl: string;
    /** The key pair the test API trusts, as the local sign-in's would be. */
    authPrivateKey: string;
    authPublicKey: string;
  }
}

export default async function setup(project: TestProject) {
  const keysDir = mkdtempSync(path.join(os.tmpdir(), 'muse-api-test-keys-'));
  const keys = ensureLocalKeyPair(keysDir);
  const database = await startTestDatabase();
  project.provide('databaseUrl', database.url);
  project.provide('ownerDatabaseUrl', database.ownerUrl);
  project.provide('authPrivateKey', keys.privateKeyPem);
  project.provide('authPublicKey', keys.publicKeyPem);
  return async () => {
    await database.stop();
    rmSync(keysDir, { recursive: true, force: true });
  };
}
