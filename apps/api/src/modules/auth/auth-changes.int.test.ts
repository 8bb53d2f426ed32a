import { randomUUID } from 'node:crypto';
import { createDatabase, type Database } from '@muse/db';
import { createLogger } from '@muse/logger';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually } from '../../test/generation-harness.ts';
import { type AuthChange, type AuthChanges, announceAuthChange, startAuthChanges } from './auth-changes.ts';

let db: Database;
let changes: AuthChanges;
const heard: AuthChange[] = [];

beforeAll(async () => {
  db = createDatabase({ url: inject('databaseUrl'), poolSize: 1 });
  changes = startAuthChanges({
    databaseUrl: inject('databaseUrl'),
    logger: createLogger('auth-changes-test', { level: 'silent' }),
  });
  changes.subscribe({ apply: (change) => heard.push(change), forgetAll: () => {} });
  await changes.ready;
});
afterAll(async () => {
  await changes?.close();
  await db?.disconnect();
});

const heardOf = (id: string) => eventually(async () => heard.find((change) => change.id === id), 5_000);

describe('auth changes', () => {
  it('when a change is announced in a transaction, then it is heard once it commits, and not if it rolls back', async () => {
    const kept = randomUUID();
    const undone = randomUUID();
    await db.client
      .$transaction(async (tx) => {
        await announceAuthChange(tx, { kind: 'user', id: undone });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await db.client.$transaction((tx) => announceAuthChange(tx, { kind: 'tenant', id: kept }));
    expect(await heardOf(kept)).toEqual({ kind: 'tenant', id: kept });
    expect(heard.some((change) => change.id === undone)).toBe(false);
  });

  it('when a malformed payload arrives on the channel, then it is ignored and later changes are still heard', async () => {
    await db.client.$executeRaw`select pg_notify('auth_changes', '{"kind":"everyone"}')`;
    await db.client.$executeRaw`select pg_notify('auth_changes', 'not json')`;
    const session = randomUUID();
    await announceAuthChange(db.client, { kind: 'session', id: session });
    expect(await heardOf(session)).toEqual({ kind: 'session', id: session });
    expect(heard.every((change) => AUTH_KINDS.includes(change.kind))).toBe(true);
  });
});

const AUTH_KINDS: readonly string[] = ['user', 'tenant', 'session'];
