import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type { Logger } from "../config/cradle"
import { httpErrorOf } from "./http-error"

export { httpErrorOf } from "./http-error"

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

function resolveLogger(req: MedusaRequest): Logger {
  try {
    return req.scope.resolve<Logger>("logger")
  } catch {
    return console
  }
}
