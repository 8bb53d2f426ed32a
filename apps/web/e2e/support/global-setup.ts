import fs from 'node:fs';
import { startStack } from './stack';

/** Starts the stack for the run (unless E2E_BASE_URL is set) and returns its teardown. */
export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) return;
  const stack = await startStack();
  process.env.E2E_BASE_URL = stack.webUrl;
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_MAILBOX_URL = stack.mailboxUrl;
  // Where the stack keeps its local sign-in keys, for a test that mints its own token.
  process.env.E2E_DATA_DIR = stack.dataDir;
  return async () => {
    await stack.stop();
    fs.rmSync(stack.dataDir, { recursive: true, force: true });
  };
}
