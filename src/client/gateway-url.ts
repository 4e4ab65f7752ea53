/**
 * Why a gateway URL may not be used, or undefined when it may.
 *
 * Every request carries the API secret in `X-Api-Secret`, and card entry
 * carries the card number and CVC in its body, so the gateway is reached over
 * https only. Plain http is allowed for a loopback host alone: the local
 * sandbox, whose traffic never leaves the machine.
 */
export function gatewayUrlProblem(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return "is not a URL"
  }
  if (parsed.username || parsed.password) return "must not carry a user name or password (the API key and secret are options of their own)"
  if (parsed.protocol === "https:") return undefined
  if (parsed.protocol !== "http:") return `must be an https URL, not ${parsed.protocol.replace(/:$/, "")}`
  if (isLoopbackHost(parsed.hostname)) return undefined
  return "must use https: plain http would send card numbers and the API secret in clear (http is allowed only for a loopback host, such as the local sandbox on 127.0.0.1)"
}

/** localhost, 127.0.0.0/8 and ::1: names that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase()
  if (host === "localhost" || host.endsWith(".localhost")) return true
  if (host === "::1") return true
  return /^127(\.\d{1,3}){3}$/.test(host) && host.split(".").every((part) => Number(part) <= 255)
}

/** The URL without anything that could be a credential, for an error message. */
export function printableUrl(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.username = ""
    parsed.password = ""
    return parsed.toString().replace(/\/$/, "")
  } catch {
    return url.length > 80 ? `${url.slice(0, 80)}…` : url
  }
}
