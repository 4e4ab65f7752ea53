import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "@medusajs/utils"
import type { Logger } from "../config/cradle"
import { httpErrorOf as coreHttpErrorOf, HttpError, isKnownMedusaType } from "../checkout/http-error"

/**
 * Runs one of the plugin's routes and answers in Medusa's error shape
 * (`{ type, code, message }`), with the status chosen here rather than by
 * Medusa's handler, which replaces the message of every 409 with a generic
 * one. Messages come from the one translation, `buildError`, so an admin
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

export function httpErrorOf(e: unknown, operation: string): HttpError {
  // Not instanceof: @medusajs/utils is compiled to ES5, where instanceof fails for subclasses of Error.
  const medusa = MedusaError.isMedusaError(e) || isCoreUtilsMedusaError(e) ? (e as MedusaError) : undefined
  return coreHttpErrorOf(e, operation, medusa)
}

/**
 * Medusa v1's own services (customerService.retrieve, ...) still throw the
 * MedusaError of medusa-core-utils, which lacks the mark isMedusaError
 * checks: an unknown customer would otherwise be a 500.
 */
function isCoreUtilsMedusaError(e: unknown): boolean {
  const m = e as { type?: unknown; date?: unknown }
  return e instanceof Error && isKnownMedusaType(m.type) && m.date instanceof Date
}

function resolveLogger(req: MedusaRequest): Logger {
  try {
    return req.scope.resolve<Logger>("logger")
  } catch {
    return console
  }
}
