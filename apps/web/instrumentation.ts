/**
 * Next calls this once at start. With OTEL_EXPORTER_OTLP_ENDPOINT set, the server traces its
 * requests and its calls to the API; unset, nothing is loaded. Node loads the SDK at run time
 * (it is not bundled: it patches Node's own modules), from the workspace: the standalone image
 * does not hold it, and there the web serves untraced rather than not at all.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || !process.env.OTEL_EXPORTER_OTLP_ENDPOINT) return;
  try {
    const { startTracing } = await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ '@muse/telemetry/sdk'
    );
    startTracing();
  } catch (error) {
    console.warn('tracing is off: @muse/telemetry could not be loaded', error);
  }
}
