/**
 * The trace of the server render this page came from, which Next writes into the page when
 * tracing is on (`clientTraceMetadata`): the page's calls to the API continue it, so a click's
 * work in the API, the worker and the AI service joins the page's trace. Off, there is no tag.
 */
export function pageTraceHeaders(): Record<string, string> {
  if (typeof document === 'undefined') return {};
  const traceparent = document.querySelector<HTMLMetaElement>('meta[name="traceparent"]')?.content;
  return traceparent ? { traceparent } : {};
}
