/**
 * The one error type the sandbox throws while answering a request. It carries
 * everything the wire needs (HTTP status, `code`, optional `param`), so every
 * failure, wherever it is raised, reaches the client in the same shape:
 * `[{ "status": false, "message", "code", "param"? }]`.
 */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly param?: string,
    readonly extra: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = "SandboxError"
  }

  /** The single object inside the answer's JSON array. */
  toBody(): Record<string, unknown> {
    const body: Record<string, unknown> = { status: false, message: this.message, code: this.code }
    if (this.param !== undefined) body.param = this.param
    return { ...body, ...this.extra }
  }
}

/** 400 `parameter_missing`: the message starts with the field so a shopper-facing layer can map it. */
export function missingParam(param: string): SandboxError {
  return new SandboxError(400, "parameter_missing", `${param}: is required`, param)
}

/** 400 `parameter_invalid`, e.g. "card_number: must pass the Luhn check". */
export function invalidParam(param: string, reason: string): SandboxError {
  return new SandboxError(400, "parameter_invalid", `${param}: ${reason}`, param)
}

/** 404 `resource_missing`, `param` names the id field that pointed nowhere. */
export function unknownResource(param: string, id: string | number, what: string): SandboxError {
  return new SandboxError(404, "resource_missing", `${param}: no such ${what} '${id}'`, param)
}

/** 409: the request is well formed but the object's state forbids it. */
export function stateConflict(code: string, message: string): SandboxError {
  return new SandboxError(409, code, message)
}
