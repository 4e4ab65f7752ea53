/**
 * Every fault the sandbox can inject (src/sandbox/faults.ts, README
 * "Faults"), each without and with `process: true`. `http_status` is left
 * out on purpose: its 5xx answers are the `500` row, and a 429 is refused
 * unprocessed and retried by the client (unit-tested in src/client).
 *
 * `maybeProcessed`: the plugin cannot know whether the gateway acted, so a
 * request that must never be sent twice has to be reported as "may have gone
 * through", and repeated under the same idempotency key.
 */
export interface FaultCase {
  /** e.g. `hang+process` */
  name: string
  spec: Record<string, unknown>
  processed: boolean
  maybeProcessed: boolean
}

/** The plugin's gateway timeout in this suite (see support/global-setup.ts). */
export function gatewayTimeoutMs(): number {
  const ms = Number(process.env.E2E_GATEWAY_TIMEOUT_MS)
  if (!Number.isInteger(ms) || ms <= 0) throw new Error("E2E_GATEWAY_TIMEOUT_MS is not set: run through `npm run test:reliability`")
  return ms
}

export function faultCatalogue(): FaultCase[] {
  const kinds: Array<[string, Record<string, unknown>, boolean]> = [
    // Past the client's timeout: the client gives up while the sandbox still waits.
    ["delay", { type: "delay", delay_ms: gatewayTimeoutMs() + 3000 }, true],
    ["hang", { type: "hang" }, true],
    ["reset", { type: "reset" }, true],
    ["500", { type: "500" }, true],
    ["malformed", { type: "malformed" }, true],
    // A definite answer: the gateway refused (a `processing_error` decline).
    ["status_false", { type: "status_false" }, false],
  ]
  return kinds.flatMap(([name, spec, maybeProcessed]) =>
    [false, true].map((processed) => ({
      name: processed ? `${name}+process` : name,
      spec: { ...spec, process: processed, count: 1 },
      processed,
      maybeProcessed,
    }))
  )
}
