import { z } from "@medusajs/framework/zod"
import { InputError } from "../../../rules/input/input-error"
import { MAX_DEPTH, nulIn, TOO_DEEP } from "../../../rules/input/nul-in"

/**
 * A zod schema for `validateAndTransformBody`/`Query` that checks with the
 * core's parser (src/invoices/invoice-input.ts, ...), the one both Medusas
 * run: the rules are written once, and a 2.x route refuses exactly what a v1
 * route refuses, naming the same field (`items[0].price: must be a positive
 * integer number of cents, got 10.5`). Medusa answers the issue with a 400
 * `invalid_data` whose message is "Invalid request: " and that text.
 *
 * A NUL character is refused first, naming its field: PostgreSQL text
 * cannot hold one (v1 has a middleware for it, api/refuse-nul-bytes.ts).
 */
export function checkedBy<T>(parse: (value: unknown) => T) {
  return z.unknown().transform((value, ctx): T => {
    const nul = nulIn(value, "")
    if (nul !== undefined) {
      ctx.addIssue({ code: "custom", message: nul === TOO_DEEP ? `body: is nested deeper than ${MAX_DEPTH} levels` : `${nul}: must not contain a NUL character (\\u0000)` })
      return z.NEVER
    }
    try {
      return parse(value)
    } catch (e) {
      if (!(e instanceof InputError)) throw e
      ctx.addIssue({ code: "custom", message: e.message })
      return z.NEVER
    }
  })
}
