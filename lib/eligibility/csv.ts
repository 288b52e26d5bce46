// CSV that opens as intended in Excel, which is what partnership reviewers open it with:
// - a UTF-8 byte order mark first, or Excel reads the Korean as the system code page (mojibake);
// - CRLF between records and every cell quoted (RFC 4180), so commas, quotes and line breaks in
//   headlines stay inside their cell;
// - no formula injection (OWASP "CSV Injection"): a cell whose text starts with = + - @, a tab or a
//   carriage return (or their full-width forms, after any leading white space) is prefixed with an
//   apostrophe, so Excel shows it as text instead of evaluating it. A headline such as
//   "=HYPERLINK(...)" or "-3% 하락" then shows with a leading ' rather than running.
// Pure.

const BOM = "\uFEFF";

// Leading white space first (Excel skips it before deciding a cell is a formula), then a character
// that starts a formula in Excel, LibreOffice or Google Sheets.
const FORMULA_START = /^[\s\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** One cell: neutralised if it could be read as a formula, then quoted. */
export function csvCell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A whole document: BOM, a header row, then the rows, CRLF-separated (and after the last). */
export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
