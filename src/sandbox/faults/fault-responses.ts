import type { Fault } from "./faults"

/** What a fault sends in place of the real answer. `hang` and `reset` send nothing, so they have none. */
export interface FaultResponse {
  status: number
  body: string
  contentType: string
  headers: Record<string, string>
  code: string | null
}

export function faultResponse(fault: Fault): FaultResponse | null {
  switch (fault.type) {
    case "500":
      return gatewayError(500, "api_error", "Internal server error (injected fault)")
    case "http_status":
      return statusFault(fault.status)
    case "malformed":
      // A truncated body under a JSON content type: the client must not trust the header.
      return { status: 200, body: '[{"status":true,"message":"payment proc', contentType: "application/json; charset=utf-8", headers: {}, code: null }
    case "status_false":
      return gatewayError(200, "processing_error", "The payment could not be processed (injected fault)")
    default:
      return null
  }
}

function statusFault(status: number): FaultResponse {
  if (status === 429) {
    return { ...gatewayError(429, "rate_limited", "Too many requests (injected fault)"), headers: { "Retry-After": "1" } }
  }
  if (status === 503) return gatewayError(503, "service_unavailable", "Service unavailable (injected fault)")
  return gatewayError(status, "api_error", `HTTP ${status} (injected fault)`)
}

function gatewayError(status: number, code: string, message: string): FaultResponse {
  return {
    status,
    body: JSON.stringify([{ status: false, message, code }]),
    contentType: "application/json; charset=utf-8",
    headers: {},
    code,
  }
}
