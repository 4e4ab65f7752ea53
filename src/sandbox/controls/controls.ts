import type { Clock } from "../clock"
import type { DataStore } from "../store/data-store"
import { findAnyCard } from "../domain/card"
import { chargeView, settleExpiry } from "../domain/charge"
import { invoiceView } from "../domain/invoice"
import type { Environments } from "../environments"
import type { Fault, Faults, FaultSpec } from "../faults/faults"
import type { RequestLog } from "../http/request-log"
import { invalidParam, unknownResource } from "../sandbox-error"
import type { EnvironmentName } from "../store/state"
import { DECLINE_CODES, isDeclineCode, type DeclineCode } from "../cards/test-cards"

export const LIST_KINDS = ["charges", "refunds", "subscriptions", "invoices", "customers", "cards", "outbox", "requests"] as const
export type ListKind = (typeof LIST_KINDS)[number]

/**
 * Test controls. The HTTP routes under /_sandbox/ call exactly these, so
 * in-process tests and HTTP tests exercise one implementation.
 */
export interface SandboxControls {
  /** Sandbox time, unix seconds. */
  now(): number
  /** Moves sandbox time forward (never back). */
  advanceClock(seconds: number): void
  /** Clears all data, faults, the request log and the clock offset; restores the start-up allowlists. */
  reset(): void
  /** Rows of one kind for one environment. `requests` also takes "all" (includes unknown keys). */
  list(kind: ListKind, env?: EnvironmentName | "all"): any[]
  injectFault(fault: FaultSpec): Fault
  clearFaults(): void
  listFaults(): Fault[]
  /** Makes future charges of a stored card decline with `code`, or stop declining with null. */
  setCardDecline(cardId: string, code: DeclineCode | null, env?: EnvironmentName): void
  /** null: every IP may call; a list: only those IPs. */
  setAllowlist(env: EnvironmentName, ips: string[] | null): void
  /** The whole state as the text of a data file: save it as FILE and start another sandbox with `--data FILE`. */
  exportData(): string
}

export interface ControlParts {
  store: DataStore
  clock: Clock
  faults: Faults
  log: RequestLog
  environments: Environments
}

export function createSandboxControls(parts: ControlParts): SandboxControls {
  const { store, clock, faults, log, environments } = parts
  return {
    now: () => clock.now(),
    advanceClock(seconds) {
      if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) throw invalidParam("seconds", "must be a non-negative number")
      clock.advance(seconds)
      store.save()
    },
    reset() {
      store.reset()
      faults.clear()
      log.clear()
      environments.resetAllowlists()
    },
    list(kind, env = "test") {
      if (kind === "requests") return log.list(checkEnvironment(env, true))
      return listData(parts, kind, checkEnvironment(env, false) as EnvironmentName)
    },
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    listFaults: () => faults.list(),
    setCardDecline(cardId, code, env = "test") {
      if (code !== null && !isDeclineCode(code)) throw invalidParam("code", `must be null or one of ${DECLINE_CODES.join(", ")}`)
      const card = findAnyCard(store.environment(checkEnvironment(env, false) as EnvironmentName), cardId)
      if (!card) throw unknownResource("card_id", cardId, "card")
      card.decline_on_charge = code
      store.save()
    },
    exportData: () => JSON.stringify(store.snapshot()),
    setAllowlist(env, ips) {
      if (ips !== null && (!Array.isArray(ips) || ips.some((ip) => typeof ip !== "string"))) throw invalidParam("ips", "must be null or a list of IP addresses")
      environments.setAllowlist(checkEnvironment(env, false) as EnvironmentName, ips)
    },
  }
}

function listData(parts: ControlParts, kind: Exclude<ListKind, "requests">, envName: EnvironmentName): any[] {
  const env = parts.store.environment(envName)
  const now = parts.clock.now()
  switch (kind) {
    case "charges":
      return Array.from(env.charges.values(), (charge) => {
        settleExpiry(env, charge, now)
        return chargeView(charge)
      })
    case "invoices":
      return Array.from(env.invoices.values(), (invoice) => invoiceView(env, invoice, now))
    default:
      return structuredClone(env[kind].toJSON()) as any[]
  }
}

function checkEnvironment(env: unknown, allowAll: boolean): EnvironmentName | "all" {
  if (env === "test" || env === "live" || (allowAll && env === "all")) return env
  throw invalidParam("env", allowAll ? "must be test, live or all" : "must be test or live")
}
