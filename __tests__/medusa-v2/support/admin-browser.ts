import type { BrowserContext, Page } from "playwright-core"
import { PAGE_MS } from "../../e2e/support/admin-browser"
import { V2_ADMIN, v2 } from "./v2-env"

/** The 2.x dashboard: served by the store itself at /app (development mode: Vite compiles it as the browser asks). */
export function dashboardUrl(path = ""): string {
  return `${v2.medusaUrl}/app${path}`
}

/**
 * Signs in on the dashboard's own login page; the session cookie stays in the
 * context. The first visit waits for Vite's first compile of the dashboard
 * and the plugin's bundle, which takes tens of seconds on a loaded machine.
 */
export async function signInV2(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto(dashboardUrl("/login"))
  await page.locator('input[name="email"]').waitFor({ timeout: PAGE_MS * 2 })
  await page.fill('input[name="email"]', V2_ADMIN.email)
  await page.fill('input[name="password"]', V2_ADMIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => url.pathname.startsWith("/app/") && !url.pathname.startsWith("/app/login"), { timeout: PAGE_MS })
  return page
}

/** Waits until the first element matching `selector` shows `expected`; on timeout, says what it showed. */
export async function waitForText(page: Page, selector: string, expected: string | RegExp, timeout = PAGE_MS): Promise<void> {
  const deadline = Date.now() + timeout
  let last = ""
  while (Date.now() < deadline) {
    last = (await page.locator(selector).first().innerText({ timeout: 1000 }).catch(() => "")) ?? ""
    if (typeof expected === "string" ? last.includes(expected) : expected.test(last)) return
    await page.waitForTimeout(250)
  }
  throw new Error(`${selector} shows ${JSON.stringify(last)}, not ${expected}, on ${page.url()}`)
}
