import fs from "node:fs"
import path from "node:path"
import { PACKAGE_ROOT } from "../../../src/demo/stack/package-root"

/**
 * Each test file leaves its figures in test-artifacts/reliability/, and the
 * last file (the leak scan) prints them together: the numbers the README's
 * "Reliability" section quotes.
 */
export const RELIABILITY_ARTIFACTS = path.join(PACKAGE_ROOT, "test-artifacts", "reliability")

export interface Figures {
  /** e.g. "Fault matrix" */
  title: string
  /** One line each, e.g. "180/180 cells pass". */
  lines: string[]
}

export function writeFigures(name: string, figures: Figures, detail?: string): void {
  fs.mkdirSync(RELIABILITY_ARTIFACTS, { recursive: true })
  fs.writeFileSync(path.join(RELIABILITY_ARTIFACTS, `${name}.json`), JSON.stringify(figures, null, 2))
  if (detail !== undefined) fs.writeFileSync(path.join(RELIABILITY_ARTIFACTS, `${name}.md`), detail)
}

export function readAllFigures(): Array<Figures & { name: string }> {
  if (!fs.existsSync(RELIABILITY_ARTIFACTS)) return []
  return fs
    .readdirSync(RELIABILITY_ARTIFACTS)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f.replace(/\.json$/, ""), ...(JSON.parse(fs.readFileSync(path.join(RELIABILITY_ARTIFACTS, f), "utf8")) as Figures) }))
}

/** Figures of an earlier run must not pass for this run's. */
export function clearFigures(): void {
  fs.rmSync(RELIABILITY_ARTIFACTS, { recursive: true, force: true })
}
