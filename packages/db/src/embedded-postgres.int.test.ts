import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedPostgresError, startEmbeddedPostgres } from './embedded-postgres.ts';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('when the data folder is inside a folder only its owner can enter, then it still starts, and a restart keeps the data', async () => {
    const privateHome = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-private-home-'));
    fs.chmodSync(privateHome, 0o700);
    const requested = path.join(privateHome, 'checkout', '.data', 'postgres');
    cleanup.push(() => fs.rmSync(privateHome, { recursive: true, force: true }));

    const first = await startEmbeddedPostgres({ dataDir: requested, port: 0, database: 'muse' });
    cleanup.push(() => fs.rmSync(first.dataDir, { recursive: true, force: true }));
    cleanup.push(() => fs.rmSync(`${first.dataDir}.password`, { force: true }));
    await sql(first.url, 'create table kept (value text); insert into kept values ($$still here$$)');
    await first.stop();

    const runsAsRoot = process.getuid?.() === 0;
    // As root, PostgreSQL runs as the postgres user, which cannot enter the private folder:
    // the data moves to a folder it can reach, and a pointer is left where it was expected.
    expect(first.dataDir !== path.resolve(requested)).toBe(runsAsRoot);
    if (runsAsRoot) expect(fs.readFileSync(`${requested}.location`, 'utf8').trim()).toBe(first.dataDir);

    const second = await startEmbeddedPostgres({ dataDir: requested, port: 0, database: 'muse' });
    cleanup.push(() => second.stop());
    expect(second.dataDir).toBe(first.dataDir);
    expect(await sql(second.url, 'select value from kept')).toEqual([{ value: 'still here' }]);
  });

  it('when the port is taken, then start-up fails with one clear line', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
    const { port } = blocker.address() as net.AddressInfo;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-port-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    const failure = await startEmbeddedPostgres({ dataDir, port, database: 'muse', ephemeral: true }).catch(
      (e) => e,
    );

    expect(failure).toBeInstanceOf(EmbeddedPostgresError);
    expect(failure.message).toBe(`port ${port} is already in use (set MUSE_PG_PORT to another port)`);
  });
});
