import { createServer } from 'node:http';
import { createLogger } from '@muse/logger';
import { createApp } from './app.ts';
import { loadAiServiceConfig } from './config.ts';
import { createServices } from './services.ts';

const config = loadAiServiceConfig();
const logger = createLogger('ai-service', { level: config.logLevel });

for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error) => {
    logger.fatal({ err: error }, event);
    process.exit(1);
  });
}

function startServices() {
  try {
    return createServices(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'cannot start: the prompt templates could not be loaded');
    process.exit(1);
  }
}

const server = createServer(createApp(startServices()));
// A generation may take its whole budget; the server must not cut it off first.
server.requestTimeout = config.llm.totalBudgetMs + 15_000;
server.headersTimeout = 30_000;
server.keepAliveTimeout = 65_000;

server.on('error', (error) => {
  logger.fatal({ err: error }, 'cannot listen');
  process.exit(1);
});
server.listen(config.port, config.host, () => {
  const { model, baseUrl, offline } = config.llm;
  logger.info(
    {
      port: config.port,
      model,
      baseUrl: baseUrl ?? 'https://api.openai.com/v1',
      offline,
      promptVersions: config.promptVersions,
    },
    offline ? 'ai-service listening, using the offline model (no OPENAI_API_KEY)' : 'ai-service listening',
  );
});

function shutdown(signal: string): void {
  logger.info({ signal }, 'shutting down: finishing running generations');
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    logger.warn('generations still running after the budget; closing connections');
    server.closeAllConnections();
    process.exit(1);
  }, config.llm.totalBudgetMs + 5_000).unref();
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
