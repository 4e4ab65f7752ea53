import { execFileSync } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { STORE_APP_DIR } from "../../src/demo/medusa-v2/store-install"

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
})
