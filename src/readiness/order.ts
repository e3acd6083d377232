/** Plain code-unit string order: unlike localeCompare it never depends on the machine's locale (byte-identical output). */
export function cmpText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
