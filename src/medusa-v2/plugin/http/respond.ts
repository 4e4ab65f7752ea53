import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { httpErrorOf } from "../../../api/http-error"

/**
 * Runs one of the plugin's 2.x routes and answers as v1's routes do
 * (src/api/respond.ts): the same status and `{ type, code, message }` body
 * for the same error, chosen here rather than by Medusa's error handler.
 */
export async function respond(req: MedusaRequest, res: MedusaResponse, operation: string, work: () => Promise<unknown>): Promise<void> {
  try {
    res.status(200).json(await work())
  } catch (e) {
    answerError(req, res, httpErrorOf(e, operation), operation)
  }
}

export function answerError(req: MedusaRequest, res: MedusaResponse, answer: { status: number; body: Record<string, unknown> }, operation: string): void {
  const logger = req.scope.resolve<{ warn(m: string): void; error(m: string): void }>(ContainerRegistrationKeys.LOGGER)
  const line = `InstantMerchant ${operation} failed: ${answer.status} ${String(answer.body.code)}: ${String(answer.body.message)}`
  if (answer.status >= 500) logger.error(line)
  else logger.warn(line)
  res.status(answer.status).json(answer.body)
}
