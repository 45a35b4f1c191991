/** Calendar months written as YYYY-MM, as a channel stores the month of its first value. */

/** Returns the month `offset` months after `first`, both written as YYYY-MM. */
export function monthAfter(first: string, offset: number): string {
  const [year, month] = first.split("-").map(Number);
  const count = year * 12 + (month - 1) + offset;
  return `${Math.floor(count / 12)}-${String((count % 12) + 1).padStart(2, "0")}`;
}
