/** The outcome of checking one value: the normalised value, or a message saying what is wrong with it. */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

// Messages are written out where they arise (`{ ok: false, message: '…' }`), so that the API's
// translation catalog finds them in the source.
export const valid = <T>(value: T): Checked<T> => ({ ok: true, value });

/** What a field error shows of the input: trimmed and cut short, so a message never grows with it. */
export function quoted(raw: string): string {
  const value = raw.trim();
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}
