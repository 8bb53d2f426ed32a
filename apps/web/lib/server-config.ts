import 'server-only';
import { z } from 'zod';

/** Server-side settings of the web app, read once. */
const schema = z.object({
  API_URL: z.url().default('http://127.0.0.1:3001'),
  WEB_ORIGIN: z.url().default('http://localhost:3000'),
});

export const serverConfig = Object.freeze(schema.parse(process.env));
