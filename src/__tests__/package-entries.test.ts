import fs from "node:fs"
import path from "node:path"

/** The package's entries, as a shop's bundler and Medusa resolve them (`exports` in package.json). */
const root = path.resolve(__dirname, "../..")
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))

/** The source a dist path is built from. */
const sourceOf = (distPath: string) => path.join(root, distPath.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts").replace(/\.d\.ts$/, ".ts"))

describe("package entries", () => {
  it.each([
    [".", "./dist/index.js"],
    ["./sandbox", "./dist/sandbox/index.js"],
  ])("%s is exported, with its types, and built from a source that exists", (entry, file) => {
    expect(pkg.exports[entry]).toEqual({ types: file.replace(/\.js$/, ".d.ts"), default: file })
    expect(fs.existsSync(sourceOf(file))).toBe(true)
  })

  it("package.json stays resolvable: Medusa and its admin find the plugin's folders through it", () => {
    expect(pkg.exports["./package.json"]).toBe("./package.json")
  })

  it("the main entry re-exports nothing of the sandbox; the CLI stays a bin", () => {
    const main = fs.readFileSync(path.join(root, "src/index.ts"), "utf8")
    expect(main).not.toMatch(/from "\.\/sandbox/)
    expect(pkg.main).toBe("dist/index.js")
    expect(pkg.bin["instantmerchant-sandbox"]).toBe("dist/sandbox/cli.js")
    expect(fs.existsSync(path.join(root, "src/sandbox/cli.ts"))).toBe(true)
  })
})
