import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { INSTANCE_HEADER } from '@muse/contracts';

/**
 * Node flags of the API and its worker. V8 sizes the young generation from the machine's memory
 * (128 MB on a large one) and grows the old one lazily under load; a request-serving process
 * keeps about 60 MB live, so these bounds hold it near 250 MB resident instead of 450 MB, with
 * no throughput lost in the benchmark.
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=16', '--max-old-space-size=320'];

/**
 * Loaded before a service's own code: it starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set
 * (the service inherits the launcher's environment) and loads nothing otherwise.
 */
export const TELEMETRY_IMPORT = '@muse/telemetry/start';

/** A TypeScript entry point run by this Node, as the launcher runs its services. */
export function nodeCommand(entry: string, flags: string[] = [], imports: string[] = []): string[] {
  return [
    process.execPath,
    ...flags,
    '--import',
    'tsx',
    ...imports.flatMap((name) => ['--import', name]),
    entry,
  ];
}

/** One long-running process of the stack, with its output kept in a log file. */
export interface Service {
  name: string;
  /** Folder to run in, relative to the repository root. */
  cwd: string;
  command: string[];
  env: Record<string, string>;
  /** URL that answers 200 once the service is ready. */
  readyUrl: string;
}

export interface RunningService {
  service: Service;
  child: ChildProcess;
  logFile: string;
  exited: Promise<number | null>;
}

export function startService(root: string, logDir: string, service: Service): RunningService {
  // Logs hold whole prompts: owner-only, tightened too if an earlier run left them readable.
  // The data folder above stays as it is, since the `postgres` user must pass through it.
  fs.mkdirSync(path.dirname(logDir), { recursive: true });
  fs.mkdirSync(logDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(logDir, 0o700);
  const logFile = path.join(logDir, `${service.name}.log`);
  const fd = fs.openSync(logFile, 'a', 0o600);
  fs.fchmodSync(fd, 0o600);
  const log = fs.createWriteStream(logFile, { fd });
  const [command, ...args] = service.command as [string, ...string[]];
  const child = spawn(command, args, {
    cwd: path.join(root, service.cwd),
    env: { ...process.env, ...service.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: Ctrl-C reaches the launcher, which stops services in order.
    detached: true,
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.stderr?.on('data', (chunk: Buffer) => echoProblems(service.name, chunk));
  child.stdout?.on('data', (chunk: Buffer) => echoProblems(service.name, chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { service, child, logFile, exited };
}

/** The console shows warnings and errors; everything else is in the service's log file. */
function echoProblems(name: string, chunk: Buffer): void {
  for (const line of chunk.toString().split('\n')) {
    if (!line.trim()) continue;
    let level = 0;
    try {
      level = (JSON.parse(line) as { level?: number }).level ?? 0;
    } catch {
      level = /error|fatal|exception/i.test(line) ? 50 : 0;
    }
    if (level >= 40) process.stderr.write(`[${name}] ${line}\n`);
  }
}

/**
 * Resolves once the service's readyUrl answers 200. Given the launcher's instance id, the answer
 * must also carry it: a port can be answered by another Muse's service, which must not pass for
 * ours. Without one (the benchmark's own servers) any 200 counts.
 */
export async function waitUntilReady(
  running: Pick<RunningService, 'service' | 'logFile' | 'exited'>,
  timeoutMs: number,
  instanceId?: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void running.exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${running.service.name} exited (code ${exitCode}); see ${running.logFile}`);
    }
    const answer = await fetch(running.service.readyUrl, { signal: AbortSignal.timeout(2000) }).catch(
      () => undefined, // Not listening yet.
    );
    const answeredBy = answer?.ok ? answer.headers.get(INSTANCE_HEADER) : null;
    if (answer?.ok && (instanceId === undefined || answeredBy === instanceId)) return;
    if (instanceId !== undefined && answeredBy) {
      const { port } = new URL(running.service.readyUrl);
      throw new Error(
        `${running.service.name}: port ${port} answers for another Muse instance; stop that one or start this one on other ports`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `${running.service.name} was not ready within ${timeoutMs / 1000} s; see ${running.logFile}`,
  );
}

function isRunning(running: RunningService): boolean {
  return Boolean(running.child.pid) && running.child.exitCode === null && running.child.signalCode === null;
}

/** Signals the service's whole process group (it runs detached, in a group of its own). */
export function killGroup(running: RunningService, signal: NodeJS.Signals): void {
  if (!isRunning(running)) return;
  try {
    process.kill(-(running.child.pid as number), signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM, then SIGKILL if the service has not stopped in time. */
export async function stopService(running: RunningService, graceMs = 10_000): Promise<void> {
  if (!isRunning(running)) return;
  killGroup(running, 'SIGTERM');
  const timer = setTimeout(() => killGroup(running, 'SIGKILL'), graceMs);
  await running.exited;
  clearTimeout(timer);
}
