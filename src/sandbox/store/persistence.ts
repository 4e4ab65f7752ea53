import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { dirname, basename, join } from "node:path"
import { randomBytes } from "node:crypto"
import { isClearFingerprint } from "../http/idempotency"
import { EnvironmentState, ENVIRONMENT_NAMES, type EnvironmentName, type PersistedEnvironment } from "./state"

/**
 * The data file: both environments, counters and the clock offset. Card
 * records hold last 4 and expiry only, and idempotency answers a digest of
 * the request, so the file never holds a card number or CVC.
 */
export interface SandboxData {
  version: 1
  clock_offset_seconds: number
  environments: Record<EnvironmentName, EnvironmentState>
}

export function emptySandboxData(): SandboxData {
  return { version: 1, clock_offset_seconds: 0, environments: { test: new EnvironmentState(), live: new EnvironmentState() } }
}

/**
 * Whether a parsed data file holds idempotency fingerprints as older
 * versions wrote them: the request's parameters in clear (card numbers and
 * CVCs included), which loading turns into digests. Such a file is written
 * again as soon as it is loaded.
 */
export function holdsCardData(parsed: { environments?: Partial<Record<EnvironmentName, Partial<PersistedEnvironment>>> | null }): boolean {
  return ENVIRONMENT_NAMES.some((name) => Object.values(parsed.environments?.[name]?.idempotency ?? {}).some((answer) => isClearFingerprint(answer?.fingerprint)))
}

/** The saved data, or null when the file does not exist yet. A corrupt file is an error, not a silent reset. */
export function loadSandboxData(file: string): { data: SandboxData; holdsCardData: boolean } | null {
  if (!existsSync(file)) return null
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { version?: unknown; clock_offset_seconds?: unknown; environments?: Partial<Record<EnvironmentName, Partial<PersistedEnvironment>>> | null }
  if (parsed.version !== 1 || typeof parsed.environments !== "object" || parsed.environments === null) {
    throw new Error(`${file} is not a sandbox data file (expected version 1)`)
  }
  const data = emptySandboxData()
  data.clock_offset_seconds = typeof parsed.clock_offset_seconds === "number" ? parsed.clock_offset_seconds : 0
  for (const name of ENVIRONMENT_NAMES) {
    data.environments[name] = EnvironmentState.fromJSON(parsed.environments[name] ?? {})
  }
  return { data, holdsCardData: holdsCardData(parsed) }
}

/**
 * Writes atomically: a temp file in the same folder, then a rename, so a
 * crash mid-write leaves the previous file intact rather than half a file.
 */
export function saveSandboxData(file: string, data: SandboxData): void {
  const folder = dirname(file)
  mkdirSync(folder, { recursive: true })
  const temp = join(folder, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`)
  writeFileSync(temp, JSON.stringify(data, null, 2))
  renameSync(temp, file)
}
