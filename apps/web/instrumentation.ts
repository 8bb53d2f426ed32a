/**
 * Next calls this once at start. With OTEL_EXPORTER_OTLP_ENDPOINT set, the server traces its
 * requests and its calls to the API; unset, nothing is loaded. The SDK is loaded by Node at run
 * time, not bundled: it patches Node's own modules.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  const { startTracing } = await import(
    /* webpackIgnore: true */ /* turbopackIgnore: true */ '@muse/telemetry/sdk'
  );
  startTracing();
}
