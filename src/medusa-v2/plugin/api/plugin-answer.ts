import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { httpErrorOf } from "../../../checkout/http-error"

/**
 * Runs one of the plugin's 2.x routes and answers as the v1 routes do
 * (`{ type, code, message }`, statuses chosen by checkout/http-error.ts,
 * shared with v1). The route answers its failures itself rather than
 * throwing to Medusa's error handler, which replaces the message of every
 * 409 with a generic one. Input errors of the validators come earlier, from
 * Medusa's `validateAndTransformBody`/`Query` (see core-validator.ts).
 */
export async function answer(req: MedusaRequest, res: MedusaResponse, operation: string, work: () => Promise<unknown>): Promise<void> {
  try {
    res.status(200).json(await work())
  } catch (e) {
    const medusa = MedusaError.isMedusaError(e) ? (e as MedusaError) : undefined
    const { status, body } = httpErrorOf(e, operation, medusa)
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER) as { warn(m: string): void; error(m: string): void }
    const line = `InstantMerchant ${operation} failed: ${status} ${body.code}: ${body.message}`
    if (status >= 500) logger.error(line)
    else logger.warn(line)
    res.status(status).json(body)
  }
}
