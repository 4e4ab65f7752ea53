import { DEFAULT_HOST, DEFAULT_TEST_API_KEY, DEFAULT_TEST_API_SECRET, type SandboxOptions } from "./sandbox-options"

export const DEFAULT_CLI_PORT = 4010

export const USAGE = `Usage: instantmerchant-sandbox [options]

  --port N               port to listen on, 0 = any free port (default 4010, env SANDBOX_PORT)
  --host HOST            interface to bind (default ${DEFAULT_HOST})
  --api-key KEY          test key (default ${DEFAULT_TEST_API_KEY}, env INSTANTMERCHANT_API_KEY)
  --api-secret SECRET    test secret (default ${DEFAULT_TEST_API_SECRET}, env INSTANTMERCHANT_API_SECRET)
  --live-api-key KEY     live key (default: no live environment)
  --live-api-secret S    live secret
  --allow-ip IP          only this IP may use the test pair (repeatable)
  --live-allow-ip IP     only this IP may use the live pair (repeatable)
  --data FILE            load state from FILE and keep it there (written within about 100 ms of a change)
  --no-controls          turn off the /_sandbox/ test controls
  --help                 show this help`

/** A bad command line: the CLI prints the message and the usage, and exits 2. */
export class CliUsageError extends Error {}

export type CliCommand = { kind: "help" } | { kind: "start"; options: SandboxOptions & { port: number } }

const VALUE_FLAGS = ["--port", "--host", "--api-key", "--api-secret", "--live-api-key", "--live-api-secret", "--allow-ip", "--live-allow-ip", "--data"]

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  const values = new Map<string, string[]>()
  let controls = true
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitFlag(argv[i])
    if (flag === "--help" || flag === "-h") return { kind: "help" }
    if (flag === "--no-controls" && inline === undefined) {
      controls = false
      continue
    }
    if (!VALUE_FLAGS.includes(flag)) throw new CliUsageError(`unknown option ${argv[i]}`)
    const value = inline ?? argv[++i]
    if (value === undefined || value === "") throw new CliUsageError(`${flag} needs a value`)
    values.set(flag, [...(values.get(flag) ?? []), value])
  }
  const last = (flag: string) => values.get(flag)?.at(-1)
  return {
    kind: "start",
    options: {
      port: parsePort(last("--port") ?? env.SANDBOX_PORT ?? String(DEFAULT_CLI_PORT)),
      host: last("--host") ?? DEFAULT_HOST,
      apiKey: last("--api-key") ?? env.INSTANTMERCHANT_API_KEY ?? DEFAULT_TEST_API_KEY,
      apiSecret: last("--api-secret") ?? env.INSTANTMERCHANT_API_SECRET ?? DEFAULT_TEST_API_SECRET,
      ...livePair(last("--live-api-key"), last("--live-api-secret")),
      allowIps: { test: values.get("--allow-ip"), live: values.get("--live-allow-ip") },
      controls,
      dataFile: last("--data"),
    },
  }
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf("=")
  return arg.startsWith("--") && eq !== -1 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined]
}

function parsePort(raw: string): number {
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new CliUsageError(`--port must be a number from 0 to 65535, got '${raw}'`)
  return Number(raw)
}

function livePair(key: string | undefined, secret: string | undefined): Pick<SandboxOptions, "liveApiKey" | "liveApiSecret"> {
  if ((key === undefined) !== (secret === undefined)) throw new CliUsageError("--live-api-key and --live-api-secret go together")
  return key === undefined ? {} : { liveApiKey: key, liveApiSecret: secret }
}
