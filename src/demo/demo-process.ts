/**
 * What `npm run demo` and `npm run demo:v2` share: ports from the
 * environment, the ready banner, and a life until Ctrl-C that always stops
 * what it started. Console output is a demo's interface, hence console.log here.
 */
import { describeError } from "./stack/describe-error"
import { StartupError } from "./stack/startup-error"

const env = process.env

/** A port from the environment variable `name`, or `fallback` when it is unset. */
export function envPort(name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === "") return fallback
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) throw new StartupError(`${name}=${raw} is not a port`, `set ${name} to a number from 1 to 65535`)
  return Number(raw)
}

export interface Demo {
  /** "demo store", "Medusa 2.x demo store". */
  name: string
  /** Starts everything; answers the banner to print once ready. */
  start(): Promise<string>
  /** Stops all that `start` started, even halfway. */
  stop(): Promise<void>
}

/** Runs `demo` until a signal, or until its parent exits; a failed start-up stops what it started and exits 1. */
export function runDemo(demo: Demo): void {
  let stopping = false
  const shutdown = async (reason: string, code = 0): Promise<never> => {
    if (!stopping) {
      stopping = true
      console.log(`\n${reason}: stopping the ${demo.name}…`)
      await demo.stop()
    }
    process.exit(code)
  }
  const main = async (): Promise<void> => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(signal))
    // npm 11 exits on SIGTERM without passing it on; notice the orphaning and stop too.
    const parent = process.ppid
    setInterval(() => process.ppid !== parent && void shutdown("parent exited"), 500).unref()
    const banner = await demo.start()
    if (stopping) return
    console.log(banner)
    if (env.DEMO_EXIT_AFTER_READY === "1") await shutdown("DEMO_EXIT_AFTER_READY")
  }
  main().catch(async (e) => {
    const line = e instanceof StartupError ? e.message : `the ${demo.name} could not start: ${describeError(e)}`
    console.error(`\n${line}`)
    await shutdown("start-up failed", 1)
  })
}

/** The banner of a ready demo: where everything is, and the test cards. */
export function readyBanner(title: string, startedAt: number, places: Array<[string, string]>, cards: Array<[string, string]>): string {
  return `
${title} is ready (${((Date.now() - startedAt) / 1000).toFixed(1)} s).

${places.map(([what, where]) => `  ${what.padEnd(15)} ${where}`).join("\n")}

Test cards (any future expiry, any 3-digit CVC):
${cards.map(([card, what]) => `  ${card}  ${what}`).join("\n")}

Press Ctrl-C to stop.`
}
