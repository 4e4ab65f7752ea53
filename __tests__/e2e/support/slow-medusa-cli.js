// Preloaded into every Node process of a test stack with NODE_OPTIONS=--require (demo-stack.e2e.test.ts):
// makes Medusa's `medusa user` command as slow as on a loaded 2-core machine, by SLOW_MEDUSA_CLI_MS,
// longer than Medusa's 5 s keep-alive timeout. Other commands (migrations, `medusa start`) run as usual.
"use strict"
const argv = process.argv.slice(1)
if (argv[0] && /medusa-cli[\\/]cli\.js$/.test(argv[0]) && argv[1] === "user") {
  const ms = Number(process.env.SLOW_MEDUSA_CLI_MS || 8000)
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
  // The test reads this line to know the delay was in effect.
  process.stderr.write(`slow-medusa-cli: held \`medusa user\` for ${ms} ms\n`)
}
