import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet would read as a formula: it starts with = + - @, or with a tab, CR, LF or
 * NUL that Excel and LibreOffice skip before looking for one (OWASP, CSV Injection; ASVS 1.2.10).
 */
const FORMULA_START = /^[=+\-@\t\r\n\u0000]/;

/**
 * Text for a CSV cell that no spreadsheet evaluates: a leading `'` (OWASP's advice), which Excel
 * shows as a text marker and keeps everything else readable, so `+31 6 12345678` stays a phone
 * number rather than a sum. Numbers are written as numbers (a negative count is not a formula).
 */
export function csvCell(value: string | number): string | number {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The one way to write a CSV: every text cell through csvCell, quoting by csv-stringify (RFC 4180).
 * Spreadsheet programs open a UTF-8 file with a BOM correctly; Dutch Excel expects semicolons.
 */
export function toCsv(rows: (string | number)[][]): string {
  return stringify(
    rows.map((row) => row.map(csvCell)),
    { bom: true, delimiter: ';', record_delimiter: 'windows' },
  );
}
