import { setFlagsFromString } from "node:v8"

/**
 * For a process that is the sandbox and nothing else (the CLI): keeps V8's
 * young generation at its starting size. Under a steady load V8 grows it to
 * 32 MB (every request's objects live a little, and it counts them as
 * survivors), and after the load the RSS keeps it. The sandbox's young
 * objects die with their request (records live off the heap, in compact
 * tables), so the larger space buys nothing; `npm run bench` shows the CPU
 * per request does not rise. Not done by startSandbox(): in someone else's
 * process (a test runner, an app) it is not the sandbox's setting to make.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString("--semi-space-growth-factor=1")
}
