import { randomBytes } from "node:crypto"
import { invalidParam, missingParam } from "../sandbox-error"
import { API_PREFIX } from "../endpoints/routes"

/**
 * Injected faults: how tests make the "gateway" misbehave on purpose.
 *
 * - `delay`: wait `delay_ms`, then answer normally;
 * - `hang`: never answer (the socket stays open until the client gives up or the sandbox closes);
 * - `reset`: destroy the socket;
 * - `500`: answer 500 `api_error`;
 * - `http_status`: answer `status` (429 adds `rate_limited` and `Retry-After: 1`);
 * - `malformed`: 200 with a body that is not JSON;
 * - `status_false`: 200 with `[{status:false, code:"processing_error"}]`.
 *
 * `process: true` processes the request fully (money moves) before the fault
 * is applied: the "it may have reached the gateway" case.
 */
export const FAULT_TYPES = ["delay", "hang", "reset", "500", "http_status", "malformed", "status_false"] as const
export type FaultType = (typeof FAULT_TYPES)[number]

export interface FaultSpec {
  /** `/api/v2/charge`, `charge`, or `*` for every API path. */
  path: string
  type: FaultType
  /** How many matching requests it hits. @default 1 */
  count?: number
  /** For `delay`. @default 1000 */
  delay_ms?: number
  /** Process the request before applying the fault. @default false */
  process?: boolean
  /** For `http_status`. @default 503 */
  status?: number
}

export interface Fault {
  fault_id: string
  path: string
  type: FaultType
  remaining: number
  delay_ms: number
  process: boolean
  status: number
}

export class Faults {
  private faults: Fault[] = []

  add(spec: unknown): Fault {
    const fault = validateFault(spec)
    this.faults.push(fault)
    return { ...fault }
  }

  /** The first fault for this path, used up by one; null when none applies. */
  take(path: string): Fault | null {
    if (this.faults.length === 0) return null
    const fault = this.faults.find((f) => f.path === path || f.path === "*")
    if (!fault) return null
    fault.remaining -= 1
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault)
    return { ...fault }
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }))
  }

  clear(): void {
    this.faults = []
  }
}

function validateFault(spec: unknown): Fault {
  if (spec === null || typeof spec !== "object") throw invalidParam("fault", "must be a JSON object")
  const s = spec as Record<string, unknown>
  if (typeof s.path !== "string" || s.path === "") throw missingParam("path")
  if (!(FAULT_TYPES as readonly unknown[]).includes(s.type)) throw invalidParam("type", `must be one of ${FAULT_TYPES.join(", ")}`)
  return {
    fault_id: `flt_${randomBytes(4).toString("hex")}`,
    path: normalizeFaultPath(s.path),
    type: s.type as FaultType,
    remaining: positiveInteger(s.count, "count", 1),
    delay_ms: positiveInteger(s.delay_ms, "delay_ms", 1000, 0),
    process: optionalBoolean(s.process, "process"),
    status: httpStatus(s.status),
  }
}

function normalizeFaultPath(path: string): string {
  if (path === "*" || path.startsWith("/")) return path
  return `${API_PREFIX}/${path}`
}

function positiveInteger(value: unknown, name: string, fallback: number, min = 1): number {
  if (value === undefined || value === null) return fallback
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) throw invalidParam(name, `must be an integer ≥ ${min}`)
  return value
}

function optionalBoolean(value: unknown, name: string): boolean {
  if (value === undefined || value === null) return false
  if (typeof value !== "boolean") throw invalidParam(name, "must be true or false")
  return value
}

function httpStatus(value: unknown): number {
  if (value === undefined || value === null) return 503
  if (typeof value !== "number" || !Number.isInteger(value) || value < 200 || value > 599) throw invalidParam("status", "must be an HTTP status from 200 to 599")
  return value
}
