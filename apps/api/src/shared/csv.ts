import type { Response } from 'express';

/** What a CSV cell holds: dates as ISO timestamps, null as an empty field. */
export type CsvCell = string | number | Date | null;

/**
 * What a spreadsheet would run as a formula (or hide it in): OWASP's list of leading characters,
 * and their fullwidth forms, which some spreadsheets fold to ASCII when they parse a cell.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV field: text a spreadsheet would read as a formula is kept as text by a leading
 * apostrophe, and a field with a quote, comma or line break is quoted, quotes doubled (RFC 4180).
 */
export function csvField(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table as RFC 4180 CSV: the header row, then the rows, CRLF line ends. */
export function csvTable(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}

/** Lets spreadsheet apps detect UTF-8 (Excel reads a CSV without it in the system code page). */
const BYTE_ORDER_MARK = '\uFEFF';

/** Answers with `csv` as a download named `fileName`, never cached. */
export function sendCsv(res: Response, fileName: string, csv: string): void {
  res
    .status(200)
    .attachment(fileName)
    .type('text/csv; charset=utf-8')
    .setHeader('Cache-Control', 'private, no-store')
    .send(BYTE_ORDER_MARK + csv);
}
