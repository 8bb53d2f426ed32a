/**
 * An error a service answers with: a stable code for programs, a message a person can read, and
 * optional details and response headers. Each service extends it with its own set of codes.
 */
export class HttpError<Code extends string = string> extends Error {
  override name = 'HttpError';
  readonly code: Code;
  readonly status: number;
  readonly details: unknown[] | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: Code,
    message: string,
    options: { details?: unknown[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}
