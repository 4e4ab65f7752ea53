import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { writePluginLayout } from "../plugin-layout"

/** The .medusa/server/src layout: one re-export per compiled file, admin left to the admin bundler, stale files removed. */
describe("writePluginLayout", () => {
  let root: string
  const write = (file: string, text = "exports.x = 1\n") => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), text)
  }
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "plugin-layout-"))
  })
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  it("re-exports every compiled .js file by its relative path, and nothing else", () => {
    write("dist/plugin/api/admin/x/route.js")
    write("dist/plugin/api/admin/x/route.d.ts")
    write("dist/plugin/api/admin/x/route.js.map")
    write("dist/plugin/modules/m/index.js", "module.exports = { default: 42 }\n")
    write("dist/plugin/modules/m/__tests__/m.test.js")
    write("dist/plugin/admin/widget.js")
    const count = writePluginLayout(path.join(root, "dist/plugin"), path.join(root, "layout"))
    expect(count).toBe(2)
    const shim = path.join(root, "layout/modules/m/index.js")
    expect(fs.readFileSync(shim, "utf8")).toBe('module.exports = require("../../../dist/plugin/modules/m/index.js")\n')
    expect(require(shim)).toEqual({ default: 42 })
    expect(fs.existsSync(path.join(root, "layout/api/admin/x/route.js"))).toBe(true)
    expect(fs.existsSync(path.join(root, "layout/api/admin/x/route.d.ts"))).toBe(false)
    expect(fs.existsSync(path.join(root, "layout/admin"))).toBe(false)
  })

  it("removes re-exports of files that are gone, and keeps the admin bundle another build wrote", () => {
    write("dist/plugin/jobs/old.js")
    writePluginLayout(path.join(root, "dist/plugin"), path.join(root, "layout"))
    fs.rmSync(path.join(root, "dist/plugin/jobs/old.js"))
    write("dist/plugin/jobs/new.js")
    write("layout/admin/index.mjs", "export default {}\n")
    writePluginLayout(path.join(root, "dist/plugin"), path.join(root, "layout"))
    expect(fs.readdirSync(path.join(root, "layout/jobs"))).toEqual(["new.js"])
    expect(fs.existsSync(path.join(root, "layout/admin/index.mjs"))).toBe(true)
  })
})
