/**
 * Control characters in text people type (ADR 008). None of them belongs in a name, a title or an
 * address, and each is a way to break out of a format the text is later written into: a bare CR
 * starts a new line in an .ics file (the `ics` package escapes only `\r?\n`), NUL ends a C string,
 * and a tab or CR at the start of a CSV cell makes a spreadsheet read a formula.
 */
const ANY_CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** The same, except tab and line feed, for fields that allow several lines. */
const CONTROL_EXCEPT_TAB_LF = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** One line of text: every control character removed (tab and line breaks too). */
export function singleLine(s: string): string {
  return s.replace(ANY_CONTROL, '');
}

/** Several lines: CRLF and a lone CR become LF; tab and LF stay; every other control character goes. */
export function multiLine(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_TAB_LF, '');
}
