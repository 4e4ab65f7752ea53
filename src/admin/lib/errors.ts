/**
 * The message of a failed call to a plugin route. The routes answer Medusa's
 * error shape, `{ type, code, message }`; medusa-js hands the axios error on,
 * with that body in `response.data`. Never a blank failure: without a body,
 * the HTTP status or the network error is shown instead.
 */
export function errorMessage(error: unknown): string {
  const e = error as { response?: { status?: number; data?: unknown }; message?: string } | null
  const data = e?.response?.data
  if (data && typeof data === "object" && typeof (data as { message?: unknown }).message === "string") return (data as { message: string }).message
  if (typeof data === "string" && data.trim()) return data.trim()
  if (e?.response?.status) return `The server answered ${e.response.status}${e.message ? ` (${e.message})` : ""}`
  return e?.message || "The request failed"
}
