import { createLogger } from '@muse/logger';
import { loadOfflineModelConfig } from './config.ts';
import { createOfflineModelServer } from './server.ts';

const config = loadOfflineModelConfig();
const logger = createLogger('offline-model', { level: config.logLevel });
const model = createOfflineModelServer({
  initial: config.initial,
  logger,
  debugToken: config.debugToken,
  instanceId: config.instanceId,
});

const { baseURL } = await model.listen(config.port, config.host);
logger.info(
  { baseURL, behaviour: model.faults.snapshot() },
  `offline model listening: OPENAI_BASE_URL=${baseURL}`,
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    void model.close().then(() => process.exit(0));
  });
}
