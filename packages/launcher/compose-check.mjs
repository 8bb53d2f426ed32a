#!/usr/bin/env node
// Validates docker-compose.yml with the settings of .env.example. Uses `docker compose` or
// `docker-compose` when installed (no engine needed for `config`), else checks the structure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'muse-compose-'));
fs.copyFileSync(path.join(root, 'docker-compose.yml'), path.join(work, 'docker-compose.yml'));
fs.copyFileSync(path.join(root, '.env.example'), path.join(work, '.env'));

const tools = [
  ['docker', ['compose']],
  ['docker-compose', []],
];
let validated = false;
for (const [command, prefix] of tools) {
  if (spawnSync(command, [...prefix, 'version'], { encoding: 'utf8' }).status !== 0) continue;
  const args = [...prefix, 'config', '-q'];
  const result = spawnSync(command, args, { cwd: work, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`docker-compose.yml is invalid (${command}):\n${result.stderr}`);
    process.exit(1);
  }
  console.log(`compose: docker-compose.yml is valid (${command} ${args.join(' ')})`);
  validated = true;
  break;
}
fs.rmSync(work, { recursive: true, force: true });

// Whatever validated the syntax, check what only this repository can tell.
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
const problems = [];
for (const [name, service] of Object.entries(compose.services ?? {})) {
  for (const dependency of Object.keys(service.depends_on ?? {})) {
    if (!compose.services[dependency]) problems.push(`${name} depends on unknown service ${dependency}`);
  }
  const dockerfile = service.build?.dockerfile;
  if (dockerfile && !fs.existsSync(path.join(root, service.build.context ?? '.', dockerfile))) {
    problems.push(`${name} builds from missing ${dockerfile}`);
  }
  for (const volume of service.volumes ?? []) {
    const source = typeof volume === 'string' ? volume.split(':')[0] : volume.source;
    if (source?.startsWith('./') && !fs.existsSync(path.join(root, source))) {
      problems.push(`${name} mounts missing ${source}`);
    }
  }
  if (service.build && !service.healthcheck && name !== 'migrate') {
    problems.push(`${name} has no health check`);
  }
}
if (problems.length > 0) {
  console.error(`docker-compose.yml: ${problems.join('; ')}`);
  process.exit(1);
}
console.log(
  `compose: ${Object.keys(compose.services).length} services checked${validated ? '' : ' (structure only: no compose tool installed)'}`,
);
