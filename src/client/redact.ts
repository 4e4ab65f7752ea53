/**
 * Scrubs card numbers and known secrets out of text that may end up in an
 * error message or a log line. Defence in depth: the client never puts card
 * data into messages itself, but a gateway (or a proxy in front of it) may echo
 * a request back, and PCI DSS forbids a PAN in any log or error.
 */

// 12 to 19 digits, optionally separated by single spaces or dashes: every PAN length.
const PAN_PATTERN = /\b\d(?:[ -]?\d){11,18}\b/g

export const REDACTED = "[redacted]"

export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(PAN_PATTERN, REDACTED)
  for (const secret of secrets) {
    // A short secret would redact ordinary words; real secrets are long.
    if (secret && secret.length >= 6) out = out.split(secret).join(REDACTED)
  }
  return out
}
