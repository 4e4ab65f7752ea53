import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { Logger } from "../config/cradle"
import { GatewayFailureKind, gatewayFailureOf } from "../rules/gateway-failure"
import { InvoiceNotFoundError, InvoiceStateError } from "../invoices/invoice-errors"

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

/**
 * Runs one of the plugin's routes and answers in Medusa's error shape
 * (`{ type, code, message }`), with the status chosen here rather than by
 * Medusa's handler, which replaces the message of every 409 with a generic
 * one. Messages come from the one classification, `gatewayFailureOf`, so an admin
 * reads the same words as on an order; none holds a card number or a secret.
 */
export async function respond(req: MedusaRequest, res: MedusaResponse, operation: string, work: () => Promise<unknown>): Promise<void> {
  try {
    res.status(200).json(await work())
  } catch (e) {
    const { status, body } = httpErrorOf(e, operation)
    const logger = resolveLogger(req)
    const line = `InstantMerchant ${operation} failed: ${status} ${body.code}: ${body.message}`
    if (status >= 500) logger.error(line)
    else logger.warn(line)
    res.status(status).json(body)
  }
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

function resolveLogger(req: MedusaRequest): Logger {
  try {
    return req.scope.resolve<Logger>("logger")
  } catch {
    return console
  }
}
