#!/usr/bin/env node
import { CliUsageError, parseCliArgs, USAGE } from "./cli-args"
import { startSandbox, type Sandbox } from "./start-sandbox"
import { keepYoungGenerationSmall } from "./young-generation"

/**
 * The `instantmerchant-sandbox` command. Console output is allowed here and
 * only here: one ready line, or one error line (and startSandbox's one
 * warning on stderr when bound beyond loopback).
 */
async function main(): Promise<void> {
  keepYoungGenerationSmall()
  let command
  try {
    command = parseCliArgs(process.argv.slice(2), process.env)
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error
    console.error(`instantmerchant-sandbox: ${error.message}\n\n${USAGE}`)
    process.exit(2)
  }
  if (command.kind === "help") {
    console.log(USAGE)
    return
  }
  const { options } = command
  let sandbox: Sandbox
  try {
    sandbox = await startSandbox(options)
  } catch (error) {
    console.error(startFailure(error, options.port))
    process.exit(1)
  }
  console.log(readyLine(sandbox, options.apiKey ?? "", options.liveApiKey))
  closeOnSignals(sandbox)
}

function startFailure(error: unknown, port: number): string {
  const code = (error as { code?: string }).code
  if (code === "EADDRINUSE") return `port ${port} is in use: pass --port`
  if (code === "EACCES") return `port ${port} needs more privileges: pass --port`
  return `instantmerchant-sandbox: ${error instanceof Error ? error.message : String(error)}`
}

/** The secrets are never printed; the keys say which pair to configure. */
function readyLine(sandbox: Sandbox, testKey: string, liveKey: string | undefined): string {
  const live = liveKey ? `, live key ${liveKey}` : ", no live environment"
  return `InstantMerchant sandbox listening on ${sandbox.url} (API base ${sandbox.apiBaseUrl}); test key ${testKey}${live}`
}

function closeOnSignals(sandbox: Sandbox): void {
  const stop = () => {
    sandbox.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.once("SIGINT", stop)
  process.once("SIGTERM", stop)
}

main().catch((error: unknown) => {
  console.error(`instantmerchant-sandbox: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
