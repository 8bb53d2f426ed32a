import { Prisma } from '@muse/db';

interface UniqueViolation {
  /** The unique index, as PostgreSQL names it (e.g. `users_email_key`). */
  index?: string;
  /** The columns, when the driver reports them. */
  fields: string[];
}

/** Details of a unique-constraint violation (P2002); undefined for any other error. */
export function uniqueViolation(error: unknown): UniqueViolation | undefined {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return undefined;
  const meta = error.meta as
    | {
        target?: unknown;
        driverAdapterError?: { cause?: { constraint?: { index?: unknown; fields?: unknown } } };
      }
    | undefined;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const fields = constraint?.fields ?? meta?.target;
  return {
    ...(typeof constraint?.index === 'string' ? { index: constraint.index } : {}),
    fields: Array.isArray(fields) ? fields.map(String) : [],
  };
}

/** Whether the error violates the unique index on `table(field)` (Prisma names it `<table>_<field>_key`). */
export function violatesUnique(error: unknown, table: string, field: string): boolean {
  const violation = uniqueViolation(error);
  return (
    violation !== undefined &&
    (violation.index === `${table}_${field}_key` || violation.fields.includes(field))
  );
}
