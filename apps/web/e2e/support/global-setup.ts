import fs from 'node:fs';
import { startPlatform } from './platform';

/** Starts the platform for the run (unless E2E_BASE_URL is set) and returns its teardown. */
export default async function globalSetup() {
  if (process.env.E2E_BASE_URL) return;
  const platform = await startPlatform();
  process.env.E2E_BASE_URL = platform.webUrl;
  process.env.E2E_API_URL = platform.apiUrl;
  return async () => {
    await platform.stop();
    fs.rmSync(platform.dataDir, { recursive: true, force: true });
  };
}
