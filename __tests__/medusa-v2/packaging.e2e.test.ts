import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { STORE_APP_DIR } from "../../src/demo/medusa-v2/store-install"
import { adminSdk } from "./support/medusa-sdk"
import { v2 } from "./support/v2-env"

/** pg comes from the root's node_modules (Medusa v1's), loaded here only to read the 2.x store's database. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require("pg") as typeof import("pg")

/**
 * One package, two Medusas: the 2.x store got this package from its tarball,
 * without Medusa v1, and the subpath it registers loads only the 2.x adapter
 * and the shared core.
 */
describe("the package in a Medusa 2.x store", () => {
  const modules = path.join(STORE_APP_DIR, "node_modules")

  it("brings no Medusa v1 into the store", () => {
    expect(JSON.parse(fs.readFileSync(path.join(modules, "@medusajs", "medusa", "package.json"), "utf8")).version).toMatch(/^2\./)
    expect(fs.existsSync(path.join(modules, "medusa-payment-instantmerchant", "dist", "medusa-v2", "index.js"))).toBe(true)
    // The plugin's resources, where Medusa 2.x looks for them: re-exports of dist/medusa-v2/plugin, nothing else.
    const layout = path.join(modules, "medusa-payment-instantmerchant", ".medusa", "server", "src")
    expect(fs.readFileSync(path.join(layout, "modules", "instantmerchant-subscriptions", "index.js"), "utf8")).toBe(
      'module.exports = require("../../../../../dist/medusa-v2/plugin/modules/instantmerchant-subscriptions/index.js")\n'
    )
    const files = (fs.readdirSync(layout, { recursive: true }) as string[]).filter((f) => !f.startsWith("admin") && fs.statSync(path.join(layout, f)).isFile())
    const notReExports = files.filter((f) => !/^module\.exports = require\("(\.\.\/)+dist\/medusa-v2\/plugin\/[\w/.\[\]-]+\.js"\)\n$/.test(fs.readFileSync(path.join(layout, f), "utf8")))
    expect({ files: files.length > 0, notReExports }).toEqual({ files: true, notReExports: [] })
    for (const v1Only of ["typeorm", "medusa-interfaces", "@medusajs/medusa-cli", "medusa-core-utils"]) {
      expect({ [v1Only]: fs.existsSync(path.join(modules, v1Only)) }).toEqual({ [v1Only]: false })
    }
  })

  it("`medusa-payment-instantmerchant/medusa-v2` loads only dist/medusa-v2 and the framework-free core (dist/client, dist/rules, dist/config, dist/customers), and registers both providers", () => {
    const script = `
      const provider = require("medusa-payment-instantmerchant/medusa-v2").default
      const ours = Object.keys(require.cache).filter((f) => f.includes("/node_modules/medusa-payment-instantmerchant/"))
      console.log(JSON.stringify({
        folders: [...new Set(ours.map((f) => f.split("/node_modules/medusa-payment-instantmerchant/")[1].split("/").slice(0, 2).join("/")))].sort(),
        identifiers: provider.services.map((s) => s.identifier),
      }))`
    const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: STORE_APP_DIR, encoding: "utf8" }))
    expect(loaded).toEqual({ folders: ["dist/client", "dist/config", "dist/customers", "dist/medusa-v2", "dist/rules"], identifiers: ["instantmerchant", "instantmerchant-invoice"] })
  })

  it("the plugin's resources (.medusa/server/src) load dist/medusa-v2 and the framework-free core only: no v1 service, model, route or TypeORM", () => {
    const script = `
      const fs = require("fs"), path = require("path")
      const layout = path.join(path.dirname(require.resolve("medusa-payment-instantmerchant/package.json")), ".medusa/server/src")
      for (const f of fs.readdirSync(layout, { recursive: true })) if (f.endsWith(".js") && !f.startsWith("admin")) require(path.join(layout, f))
      const ours = Object.keys(require.cache).filter((f) => f.includes("/node_modules/medusa-payment-instantmerchant/")).map((f) => f.split("/node_modules/medusa-payment-instantmerchant/")[1])
      console.log(JSON.stringify({
        folders: [...new Set(ours.map((f) => f.split("/").slice(0, 2).join("/")))].sort(),
        api: [...new Set(ours.filter((f) => f.startsWith("dist/api/")).map((f) => f.split("/").slice(0, 3).join("/")))].sort(),
        typeorm: Object.keys(require.cache).some((f) => f.includes("/node_modules/typeorm/")),
      }))`
    const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: STORE_APP_DIR, encoding: "utf8" }))
    // dist/subscriptions, dist/api (views, http-error), dist/invoices (invoice-errors), dist/customers (gateway-customer rules, required by the invoices core), dist/config: framework-free at run time.
    expect(loaded).toEqual({
      folders: [".medusa/server", "dist/api", "dist/client", "dist/config", "dist/customers", "dist/invoices", "dist/medusa-v2", "dist/rules", "dist/subscriptions"],
      api: ["dist/api/http-error.js", "dist/api/views"],
      typeorm: false,
    })
  })

  it("loads as a plugin: `medusa db:migrate` made its module's tables, and its admin route answers from the module", async () => {
    const db = new Client({ connectionString: v2.databaseUrl })
    await db.connect()
    try {
      const { rows } = await db.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'instantmerchant_subscription_renewal' AND indexname = 'IDX_imren_one_success_per_period'`)
      expect(rows).toEqual([{ indexname: "IDX_imren_one_success_per_period" }])
    } finally {
      await db.end()
    }
    const admin = await adminSdk()
    const answer = await admin.client.fetch<{ count: number; subscriptions: unknown[] }>("/admin/instantmerchant/subscriptions")
    // (Array.isArray: fetch's JSON arrays come from Node's realm, not Jest's, so expect.any(Array) never matches them.)
    expect({ count: typeof answer.count, list: Array.isArray(answer.subscriptions) }).toEqual({ count: "number", list: true })
  })
})
