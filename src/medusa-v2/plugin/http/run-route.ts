import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { httpErrorOf } from "../../../api/http-error"
import { answerError } from "./respond"

/** A refusal a workflow handed back as data (v1's status and body). */
export type Refusal = { status: number; body: Record<string, unknown> }

/** Like respond, for work whose refusals come back from a workflow as data rather than thrown. */
export async function respondOr(req: MedusaRequest, res: MedusaResponse, operation: string, work: () => Promise<{ refusal?: Refusal; answer?: () => Promise<unknown> }>): Promise<void> {
  try {
    const { refusal, answer } = await work()
    if (refusal) return answerError(req, res, refusal, operation)
    res.status(200).json(await answer!())
  } catch (e) {
    answerError(req, res, httpErrorOf(e, operation), operation)
  }
}
