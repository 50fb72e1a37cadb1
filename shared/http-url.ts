/** An http(s) URL parsed, or undefined for anything else (malformed, javascript:, mailto:, …). */
export function httpUrlOf(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}
