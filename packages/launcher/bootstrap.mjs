#!/usr/bin/env node
// `npm start` / `npm test` on a machine that has only Node and npm: checks the Node version,
// installs the workspace with the pinned pnpm, then runs the named root script with it.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Muse needs Node.js 22.12 or newer (24 LTS recommended); this is ${process.version}.`);
  process.exit(1);
}

const script = process.argv[2];
if (!script) {
  console.error('usage: node packages/launcher/bootstrap.mjs <root script>');
  process.exit(2);
}

const pinned = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).packageManager;
const version = pinned.split('@')[1];
const installed = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
const pnpm =
  installed.status === 0 && installed.stdout.trim() === version
    ? ['pnpm']
    : ['npx', '--yes', `pnpm@${version}`];

// Ctrl-C reaches the whole process group: the child handles it (the start command stops every
// service first), so this wrapper waits for the child instead of dying before it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {});

function run(args) {
  const [command, ...rest] = [...pnpm, ...args];
  return new Promise((resolve) => {
    const child = spawn(command, rest, {
      stdio: 'inherit',
      shell: process.platform === 'win32',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 130 : 1)));
  });
}

for (const args of [
  ['install', '--frozen-lockfile'],
  ['run', script],
]) {
  const code = await run(args);
  if (code !== 0) process.exit(code);
}
