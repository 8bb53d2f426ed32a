export {
  type BodyFailureCode,
  bodyFailureOf,
  type ErrorHandlerOptions,
  errorBody,
  errorHandler,
  noRouteMessage,
  sendError,
} from './error-envelope.ts';
export { HttpError } from './http-error.ts';
export { issuesOf } from './issues.ts';
export { jsonBody } from './json-body.ts';
export { type RequestDurationOptions, requestDurations } from './metrics.ts';
export { sendHealth, sendMetrics } from './operations.ts';
export { REQUEST_ID_HEADER, requestContext } from './request-id.ts';
export { mountRoute } from './routes.ts';
