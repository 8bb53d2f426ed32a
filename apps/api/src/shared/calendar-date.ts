/**
 * Calendar dates (`date` columns) travel as `YYYY-MM-DD`. The database driver hands them over as
 * midnight UTC, so the conversion is done in UTC both ways and never shifts a day.
 */
export function toCalendarDate(value: Date): string;
export function toCalendarDate(value: Date | null): string | null;
export function toCalendarDate(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

export function fromCalendarDate(value: string): Date;
export function fromCalendarDate(value: string | null): Date | null;
export function fromCalendarDate(value: string | null): Date | null {
  return value === null ? null : new Date(`${value}T00:00:00.000Z`);
}
