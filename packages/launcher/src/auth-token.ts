// Prints a signed local token for a user, for scripts and curl:
//   pnpm auth:token --email owner@northwind.test [--ttl 3600]
import { parseArgs } from 'node:util';
import { dataDir } from '@muse/config';
import { ensureLocalKeyPair, localSubject, mintLocalToken } from '@muse/local-auth';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    ttl: { type: 'string', default: '3600' },
    'authorized-party': { type: 'string', default: process.env.WEB_ORIGIN ?? 'http://localhost:3000' },
  },
});

const ttlSeconds = Number(values.ttl);
if (
  !values.email ||
  !/^[^@\s]+@[^@\s]+$/.test(values.email) ||
  !Number.isInteger(ttlSeconds) ||
  ttlSeconds <= 0
) {
  console.error('usage: pnpm auth:token --email <email> [--ttl <seconds>]');
  process.exit(2);
}

const { privateKeyPem } = ensureLocalKeyPair(dataDir());
const token = await mintLocalToken(privateKeyPem, {
  subject: localSubject(values.email),
  email: values.email,
  authorizedParty: values['authorized-party'],
  ttlSeconds,
});
process.stdout.write(`${token}\n`);
