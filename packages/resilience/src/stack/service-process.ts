import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@muse/config';

export interface ServiceSpec {
  name: string;
  /** Package folder, relative to the repository root. */
  cwd: string;
  /** TypeScript entry point, run as the start command runs it: node --import tsx. */
  entry: string;
  env: Record<string, string>;
  /** Answers 200 once the service can take traffic. */
  readyUrl: string;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/**
 * One service as its own process, with exactly the given environment (plus PATH and HOME) so
 * nothing of the caller's configuration leaks in. Its output goes to a log file only.
 */
export class ServiceProcess {
  readonly child: ChildProcess;
  readonly logFile: string;
  readonly exited: Promise<Exit>;
  private exit: Exit | undefined;

  readonly spec: ServiceSpec;

  constructor(spec: ServiceSpec, logDir: string) {
    this.spec = spec;
    this.logFile = path.join(logDir, `${spec.name}.log`);
    const log = fs.createWriteStream(this.logFile, { flags: 'a' });
    this.child = spawn(process.execPath, ['--import', 'tsx', spec.entry], {
      cwd: path.join(repoRoot, spec.cwd),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.pipe(log, { end: false });
    this.child.stderr?.pipe(log, { end: false });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        resolve(this.exit);
      }),
    );
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  async waitUntilReady(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.spec.name} exited during start-up; see ${this.logFile}`);
      try {
        const response = await fetch(this.spec.readyUrl, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${this.spec.name} was not ready within ${timeoutMs / 1000} s; see ${this.logFile}`);
  }

  signal(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL when it has not stopped within `graceMs`. */
  async stop(graceMs = 10_000): Promise<Exit> {
    if (!this.running) return this.exit as Exit;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  /** The log lines whose JSON `msg` matches, for reports. */
  logLines(msg: string): Record<string, unknown>[] {
    return fs
      .readFileSync(this.logFile, 'utf8')
      .split('\n')
      .flatMap((line) => {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          return entry.msg === msg ? [entry] : [];
        } catch {
          return [];
        }
      });
  }
}

export async function startService(spec: ServiceSpec, logDir: string): Promise<ServiceProcess> {
  const service = new ServiceProcess(spec, logDir);
  try {
    await service.waitUntilReady();
  } catch (error) {
    await service.stop(2_000);
    throw error;
  }
  return service;
}
