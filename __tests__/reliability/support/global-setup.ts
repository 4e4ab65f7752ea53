import path from "node:path"
import * as stackModule from "../../../src/demo/stack/start-stack"
import e2eGlobalSetup from "../../e2e/support/global-setup"
import { clearFigures } from "./figures"

/**
 * The e2e suite's stack (sandbox, PostgreSQL, Redis, two Medusa instances,
 * the admin build), booted by the e2e global setup itself, with two
 * additions this suite needs:
 *
 * - a gateway timeout of {@link RELIABILITY_TIMEOUT_MS} (the plugin's
 *   `timeout_ms`, read by medusa-config.js from INSTANTMERCHANT_TIMEOUT_MS),
 *   so that each "no answer" cell of the fault matrix costs seconds, not the
 *   default 30 s;
 * - the sandbox's `--data` file, so that the leak scan can read what the
 *   gateway kept at rest (E2E_SANDBOX_DATA_FILE).
 *
 * Both go through `startStack`'s own options: the e2e setup is wrapped, not
 * copied, so the two suites always boot the same stack.
 */
export const RELIABILITY_TIMEOUT_MS = 4000

export default async function reliabilityGlobalSetup(): Promise<void> {
  // This run's figures and collected errors only.
  clearFigures()
  const original = stackModule.startStack
  let dataFile = ""
  ;(stackModule as { startStack: typeof original }).startStack = (options) => {
    dataFile = path.join(options.workDir, "sandbox.json")
    return original({
      ...options,
      sandboxDataFile: dataFile,
      env: { ...options.env, INSTANTMERCHANT_TIMEOUT_MS: String(RELIABILITY_TIMEOUT_MS) },
    })
  }
  try {
    await e2eGlobalSetup()
  } finally {
    ;(stackModule as { startStack: typeof original }).startStack = original
  }
  if (!dataFile) throw new Error("the e2e global setup no longer calls startStack from src/demo/stack/start-stack: update __tests__/reliability/support/global-setup.ts")
  process.env.E2E_SANDBOX_DATA_FILE = dataFile
  process.env.E2E_GATEWAY_TIMEOUT_MS = String(RELIABILITY_TIMEOUT_MS)
}
