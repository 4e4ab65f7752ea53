import { MedusaError } from "@medusajs/utils"
import { GatewayFailureKind, gatewayFailureOf } from "../rules/gateway-failure"
import { InvoiceNotFoundError, InvoiceStateError } from "../invoices/invoice-errors"

/*
 * The HTTP answer to an error of the plugin's routes, without a framework:
 * the v1 routes (respond.ts) and the 2.x plugin's routes answer the same
 * status and body for the same error.
 */

/** Medusa's own error types, for errors a service throws as MedusaError. */
const MEDUSA_STATUS: Record<string, number> = {
  [MedusaError.Types.INVALID_DATA]: 400,
  [MedusaError.Types.NOT_ALLOWED]: 400,
  [MedusaError.Types.UNAUTHORIZED]: 401,
  [MedusaError.Types.NOT_FOUND]: 404,
  [MedusaError.Types.CONFLICT]: 409,
  [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR]: 422,
}

/** The HTTP status and error type of each kind of failure: the gateway's own trouble is a 502 (503 when busy). */
const HTTP_OF: Record<GatewayFailureKind, [number, string]> = {
  bad_input: [400, "invalid_data"],
  declined: [422, "payment_authorization_error"],
  refused: [400, "invalid_data"],
  conflict: [409, "conflict"],
  unsure: [502, "gateway_error"],
  unreachable: [502, "gateway_error"],
  misconfigured: [502, "gateway_error"],
  busy: [503, "gateway_error"],
  gateway_error: [500, "unknown_error"],
  internal: [500, "unknown_error"],
}

export function httpErrorOf(e: unknown, operation: string): { status: number; body: { type: string; code: string; message: string; detail?: string } } {
  if (e instanceof InvoiceNotFoundError) return { status: 404, body: { type: "not_found", code: "invoice_not_found", message: e.message } }
  if (e instanceof InvoiceStateError) return { status: 409, body: { type: "conflict", code: e.code, message: e.message } }
  // Not instanceof: @medusajs/utils is compiled to ES5, where instanceof fails for subclasses of Error.
  if (MedusaError.isMedusaError(e) || isCoreUtilsMedusaError(e)) {
    const m = e as MedusaError
    return { status: MEDUSA_STATUS[m.type] ?? 500, body: { type: m.type, code: m.code ?? m.type, message: m.message } }
  }
  const failure = gatewayFailureOf(e, operation)
  const [status, type] = HTTP_OF[failure.kind]
  return { status, body: { type, code: failure.code, message: failure.message, detail: failure.hint } }
}

/**
 * Medusa v1's own services (customerService.retrieve, ...) still throw the
 * MedusaError of medusa-core-utils, which lacks the mark isMedusaError
 * checks: an unknown customer would otherwise be a 500.
 */
function isCoreUtilsMedusaError(e: unknown): boolean {
  const m = e as { type?: unknown; date?: unknown }
  return e instanceof Error && typeof m.type === "string" && m.type in MEDUSA_STATUS && m.date instanceof Date
}
