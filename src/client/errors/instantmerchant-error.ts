import { redact } from "../redact"

/** Everything the client knows about a failed request, none of it sensitive. */
export interface InstantMerchantErrorInit {
  message: string
  /** HTTP status, when the gateway answered. */
  statusCode?: number
  /** The gateway's `code`, e.g. `insufficient_funds` or `charge_already_captured`. */
  code?: string
  /** The request field the gateway blamed, e.g. `card_number`. */
  param?: string
  /** The gateway's `X-Request-Id`, for support tickets. */
  requestId?: string
  /** `POST /charge`: which endpoint failed. */
  endpoint?: string
  idempotencyKey?: string
  /**
   * True when the request may have reached the gateway and been processed
   * (a timeout, a reset connection, a 5xx). The caller must reconcile, not retry
   * blindly: retrying a charge that went through charges the card twice.
   */
  maybeProcessed?: boolean
  /** The gateway's answer body, already stripped to its known, safe fields. */
  raw?: Record<string, unknown>
  /** The underlying failure, reduced to a plain Error with no request config. */
  cause?: Error
}

/**
 * Base of every error the InstantMerchant client throws. Catch by class
 * (`CardError`, `InvalidRequestError`, ...), never by parsing the message.
 *
 * It deliberately holds no request config, headers or body: an HTTP library's error
 * carries all three, and with them the API secret and the card number.
 */
export class InstantMerchantError extends Error {
  readonly type: string = "InstantMerchantError"
  readonly statusCode?: number
  readonly code?: string
  readonly param?: string
  readonly requestId?: string
  readonly endpoint?: string
  readonly idempotencyKey?: string
  readonly maybeProcessed: boolean
  readonly raw?: Record<string, unknown>

  constructor(init: InstantMerchantErrorInit) {
    super(redact(init.message), init.cause ? { cause: init.cause } : undefined)
    this.name = new.target.name
    this.statusCode = init.statusCode
    this.code = init.code
    this.param = init.param
    this.requestId = init.requestId
    this.endpoint = init.endpoint
    this.idempotencyKey = init.idempotencyKey
    this.maybeProcessed = init.maybeProcessed ?? false
    this.raw = init.raw
  }

  toJSON(): Record<string, unknown> {
    return {
      type: this.type,
      message: this.message,
      statusCode: this.statusCode,
      code: this.code,
      param: this.param,
      requestId: this.requestId,
      endpoint: this.endpoint,
      maybeProcessed: this.maybeProcessed,
    }
  }
}
