import { MedusaError } from "@medusajs/utils"
import { ApiError, AuthenticationError, CardError, ConnectionError, InvalidRequestError, PermissionError, RateLimitError } from "../client"
import { InputError } from "../rules/input/input-error"
import { buildError } from "../checkout/build-error"
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

export function httpErrorOf(e: unknown, operation: string): { status: number; body: { type: string; code: string; message: string; detail?: string } } {
  if (e instanceof InvoiceNotFoundError) return { status: 404, body: { type: "not_found", code: "invoice_not_found", message: e.message } }
  if (e instanceof InvoiceStateError) return { status: 409, body: { type: "conflict", code: e.code, message: e.message } }
  // Not instanceof: @medusajs/utils is compiled to ES5, where instanceof fails for subclasses of Error.
  if (MedusaError.isMedusaError(e) || isCoreUtilsMedusaError(e)) {
    const m = e as MedusaError
    return { status: MEDUSA_STATUS[m.type] ?? 500, body: { type: m.type, code: m.code ?? m.type, message: m.message } }
  }
  const built = buildError(e, operation)
  const body = { code: built.code ?? "error", message: built.error, detail: String(built.detail ?? "") }
  if (e instanceof InputError) return { status: 400, body: { type: "invalid_data", ...body } }
  if (e instanceof CardError) return { status: 422, body: { type: "payment_authorization_error", ...body } }
  if (e instanceof InvalidRequestError) {
    return { status: e.statusCode === 409 ? 409 : 400, body: { type: e.statusCode === 409 ? "conflict" : "invalid_data", ...body } }
  }
  if (e instanceof ConnectionError || e instanceof ApiError || e instanceof AuthenticationError || e instanceof PermissionError) {
    return { status: 502, body: { type: "gateway_error", ...body } }
  }
  if (e instanceof RateLimitError) return { status: 503, body: { type: "gateway_error", ...body } }
  return { status: 500, body: { type: "unknown_error", ...body } }
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
