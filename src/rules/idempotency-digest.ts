import { createHash } from "node:crypto"

/**
 * A stable digest of a request's content, for an idempotency key, written
 * in the letters a–p only: a hex digest can hold a 12-digit run, which card
 * number scanners (ours included) flag as a possible card number.
 */
export function lettersDigest(content: string, length = 32): string {
  return createHash("sha256")
    .update(content)
    .digest("hex")
    .slice(0, length)
    .replace(/[0-9a-f]/g, (c) => "abcdefghijklmnop"[parseInt(c, 16)])
}
