import type { Fields } from "../http/fields"
import type { EnvironmentState } from "../store/state"

/** What every endpoint gets: its environment's data, the request's fields, sandbox time. */
export interface EndpointContext {
  env: EnvironmentState
  fields: Fields
  /** Sandbox time, unix seconds. */
  now: number
}

/** A success: the reference's `message` and the fields that follow it, in the reference's order. */
export interface EndpointAnswer {
  message: string
  data?: Record<string, unknown>
}

/**
 * Endpoints are synchronous: the pipeline runs them inside a transaction and
 * rolls the environment back when they throw, which is how "a decline changes
 * nothing" holds for every endpoint at once.
 */
export type Endpoint = (context: EndpointContext) => EndpointAnswer
