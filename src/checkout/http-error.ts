import { ApiError, AuthenticationError, CardError, ConnectionError, InvalidRequestError, PermissionError, RateLimitError } from "../client"
import { InputError } from "../rules/input/input-error"
import { InvoiceNotFoundError, InvoiceStateError } from "../invoices/invoice-errors"
import { buildError } from "./build-error"

/** What a plugin route answers for a failure: Medusa's error shape, `{ type, code, message }`. */
export interface HttpError {
  status: number
  body: { type: string; code: string; message: string; detail?: string }
}

/** A Medusa error as both Medusa families throw it: `MedusaError.Types` are the same strings in v1 and 2.x. */
export interface MedusaErrorLike {
  type: string
  code?: string
  message: string
}

/** The status of each of Medusa's error types that a plugin route may pass on. */
const MEDUSA_STATUS: Record<string, number> = {
  invalid_data: 400,
  not_allowed: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  payment_authorization_error: 422,
}

/** Whether `type` is one of the Medusa error types above (for errors of a Medusa package lacking its mark). */
export function isKnownMedusaType(type: unknown): boolean {
  return typeof type === "string" && type in MEDUSA_STATUS
}

/**
 * The one answer of the plugin's routes to a failure, on both Medusas: the
 * status is chosen here, not by Medusa's handler, which replaces the message
 * of every 409 with a generic one. Each host says whether `e` is its own
 * MedusaError (`medusa`); messages come from buildError, so an admin reads
 * the same words as on an order. None holds a card number or a secret.
 */
export function httpErrorOf(e: unknown, operation: string, medusa?: MedusaErrorLike): HttpError {
  if (e instanceof InvoiceNotFoundError) return { status: 404, body: { type: "not_found", code: "invoice_not_found", message: e.message } }
  if (e instanceof InvoiceStateError) return { status: 409, body: { type: "conflict", code: e.code, message: e.message } }
  if (medusa) return { status: MEDUSA_STATUS[medusa.type] ?? 500, body: { type: medusa.type, code: medusa.code ?? medusa.type, message: medusa.message } }
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
