import type { Logger } from '@muse/logger';
import type { AiServiceConfig } from './config.ts';
import { FeedbackReader } from './feedback/feedback-reader.ts';
import { IdeaGenerator } from './generation/idea-generator.ts';
import { LlmClient } from './llm/llm-client.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { PromptLibrary } from './prompts/prompt-library.ts';

export interface AppServices {
  config: AiServiceConfig;
  logger: Logger;
  metrics: Metrics;
  prompts: PromptLibrary;
  llm: LlmClient;
  generator: IdeaGenerator;
  feedback: FeedbackReader;
}

/** The composition root: everything the app needs, built once from the config. */
export function createServices(config: AiServiceConfig, logger: Logger): AppServices {
  const metrics = createMetrics();
  const prompts = PromptLibrary.load(config.promptsDir, config.promptVersions);
  const llm = new LlmClient(config.llm, metrics, logger);
  const generator = new IdeaGenerator({ prompts, llm, metrics, logger, config });
  const feedback = new FeedbackReader({ prompts, llm, logger, config });
  return { config, logger, metrics, prompts, llm, generator, feedback };
}
