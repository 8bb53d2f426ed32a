/**
 * Imported before a service's own code (`node --import tsx --import @muse/telemetry/start`), so
 * the instrumentations are in place before express, pg and prisma load. With no
 * OTEL_EXPORTER_OTLP_ENDPOINT it loads nothing: the SDK is imported only when tracing is on.
 */
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
  const { register } = await import('node:module');
  const { createAddHookMessageChannel } = await import('import-in-the-middle');
  // ES modules are wrapped only for the instrumentations that ask (express), not every import.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  const { startTracing } = await import('./sdk.ts');
  startTracing();
  await waitForAllMessagesAcknowledged();
}
