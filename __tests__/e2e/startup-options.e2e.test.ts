import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { freePort } from "../../src/demo/stack/free-port"
import { medusaCli, medusaEnv } from "../../src/demo/stack/medusa-server"
import { PACKAGE_ROOT } from "../../src/demo/stack/package-root"
import { e2e } from "./support/e2e-env"

/**
 * A malformed plugin option stops Medusa at start-up with a message that
 * names it, instead of failing a shopper's checkout later.
 */
function startWith(options: Record<string, unknown>): Promise<{ code: number | null; output: string }> {
  const dir = path.join(PACKAGE_ROOT, ".e2e", `bad-options-${process.pid}-${Date.now()}`)
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bad-options-store", private: true }))
  fs.writeFileSync(
    path.join(dir, "medusa-config.js"),
    `const config = require(${JSON.stringify(path.join(PACKAGE_ROOT, "medusa-config.js"))})
module.exports = { ...config, modules: {}, projectConfig: { ...config.projectConfig, redis_url: undefined },
  // Only this plugin and fulfillment: the admin plugin would stop first, for want of its build.
  plugins: config.plugins
    .filter((p) => (typeof p === "string" ? p : p.resolve) !== "@medusajs/admin")
    .map((p) => (typeof p === "object" && p.resolve === ${JSON.stringify(PACKAGE_ROOT)} ? { ...p, options: ${JSON.stringify(options)} } : p)) }\n`
  )
  return freePort().then(
    (port) =>
      new Promise((resolve) => {
        const env = medusaEnv({ DATABASE_URL: e2e.databaseUrl })
        delete env.REDIS_URL
        const child = spawn(process.execPath, [medusaCli(), "start", "-p", String(port)], { cwd: dir, env, detached: true })
        let output = ""
        child.stdout.on("data", (d) => (output += d))
        child.stderr.on("data", (d) => (output += d))
        const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 90_000)
        child.on("exit", (code) => {
          clearTimeout(timer)
          fs.rmSync(dir, { recursive: true, force: true })
          resolve({ code, output })
        })
      })
  )
}

it("a malformed api_secret and timeout_ms stop start-up, named, without quoting the secret", async () => {
  const { code, output } = await startWith({ api_key: "im_test_key", api_secret: 98765432123, timeout_ms: "soon", base_url: "http://127.0.0.1:1/api/v2" })
  expect(code).not.toBe(0)
  expect(output).toContain("medusa-payment-instantmerchant: invalid plugin options in medusa-config.js")
  expect(output).toContain("api_secret is required (a non-empty string), got number")
  expect(output).not.toContain("98765432123")
  expect(output).toContain('timeout_ms must be an integer from 1 to 600000, got "soon"')
})

it("a plain-http gateway URL that is not loopback stops start-up: card numbers and the secret never go in clear", async () => {
  const { code, output } = await startWith({ api_key: "im_test_key", api_secret: "im_test_secret_value", base_url: "http://gateway.example:8080/api/v2" })
  expect(code).not.toBe(0)
  expect(output).toContain("base_url must use https: plain http would send card numbers and the API secret in clear")
  expect(output).toContain('got "http://gateway.example:8080/api/v2"')
  expect(output).not.toContain("im_test_secret_value")
})
