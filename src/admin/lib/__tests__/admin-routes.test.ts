import { findAllValidRoutes } from "@medusajs/admin-ui"
import path from "path"

/**
 * `medusa-admin bundle` leaves out a route whose default export it cannot
 * read as a component (an arrow without `return <…>`, a function declaration),
 * and a sidebar link whose `config` is not the page's last named export, and
 * still exits 0: only a browser test would notice. This asks the bundler's own
 * route finder what it will inject.
 */
describe("the admin extension bundler finds every route with its sidebar link", () => {
  it("injects the four pages, the two list pages with their config", async () => {
    const routes = await findAllValidRoutes(path.resolve(__dirname, "../../routes"))
    const found = routes.map((r) => ({ path: r.path, hasConfig: r.hasConfig })).sort((a, b) => a.path.localeCompare(b.path))
    expect(found).toEqual([
      { path: "/invoices", hasConfig: true },
      { path: "/invoices/:num", hasConfig: false },
      { path: "/subscriptions", hasConfig: true },
      { path: "/subscriptions/:id", hasConfig: false },
    ])
  })
})
