/**
 * A change worded with its sign, the number formatted for the reader's language: "+1,5",
 * "−1,5" (a true minus sign, also in English) and "±0" for no change.
 */
export function signed(value: number, formatNumber: (value: number) => string): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${formatNumber(Math.abs(value))}`;
}
