/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a text cell that begins with = + - @ (or tab / CR) is run as a
 * formula by Excel and LibreOffice. Such text is prefixed with a single quote so it is shown, never evaluated.
 * Only text is touched: real numbers (negative ones too) stay numbers.
 */
const DANGEROUS_FIRST = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return DANGEROUS_FIRST.test(text) ? `'${text}` : text;
}

/** HTML text and attribute escaping for user-supplied strings. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** JSON safe to place inside `<script type="application/json">`: no `</script>`, no HTML comment openers. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
