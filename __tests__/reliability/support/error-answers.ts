import fs from "node:fs"
import path from "node:path"
import { RELIABILITY_ARTIFACTS } from "./figures"

/**
 * Every error the suite is shown (Medusa's and the gateway's error answers,
 * the client's error objects), kept in one file for the leak scan at the
 * end: none may hold a card number, a CVC or the API secret.
 */
const FILE = path.join(RELIABILITY_ARTIFACTS, "error-answers.jsonl")

export function collectError(source: string, error: unknown): void {
  fs.mkdirSync(RELIABILITY_ARTIFACTS, { recursive: true })
  fs.appendFileSync(FILE, `${JSON.stringify({ source, error: serializable(error) })}\n`)
}

export function collectedErrors(): string[] {
  return fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8").split("\n").filter(Boolean) : []
}

/** An Error with its own fields (statusCode, param, config if any) and its cause, as a person debugging would print it. */
function serializable(error: unknown): unknown {
  if (!(error instanceof Error)) return error
  const own: Record<string, unknown> = { name: error.name, message: error.message, stack: error.stack }
  for (const key of Object.getOwnPropertyNames(error)) own[key] = (error as unknown as Record<string, unknown>)[key]
  if (error.cause !== undefined) own.cause = serializable(error.cause)
  return own
}
