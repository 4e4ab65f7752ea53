import fs from "node:fs"
import path from "node:path"
import { Browser, BrowserContext, chromium, Page } from "playwright-core"
import { PACKAGE_ROOT } from "../../../src/demo/stack/package-root"
import { E2E_ADMIN } from "./e2e-env"

/** Debian's Chromium through playwright-core, as in storefront-browser.e2e.test.ts. */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
export const ARTIFACTS = path.join(PACKAGE_ROOT, "test-artifacts")

/**
 * How long a page of the admin may take to show something, on the slowest
 * machine the suite supports: a loaded 2-core machine where Chromium, two
 * Medusa instances and PostgreSQL share the CPU with other suites. An idle
 * machine needs a second or two.
 */
export const PAGE_MS = 90_000

/** Waits for `selector`; on timeout the error says where the page is and what it shows, not just "Timeout". */
export async function waitForShown(page: Page, selector: string, timeout = PAGE_MS): Promise<void> {
  try {
    await page.waitForSelector(selector, { timeout })
  } catch (e) {
    const shown = (await page.locator("body").innerText().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 500)
    throw new Error(`${selector} did not appear within ${timeout / 1000} s on ${page.url()}; the page shows: ${shown || "nothing"}`, { cause: e })
  }
}

export function adminUrl(): string {
  const url = process.env.E2E_ADMIN_URL
  if (!url) throw new Error("E2E_ADMIN_URL is not set: run the end-to-end suite through jest, whose global setup starts the store")
  return url
}

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`)
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM,
    // --disable-dev-shm-usage: a container's /dev/shm is often 64 MB, too small for the admin's pages; /tmp is used instead.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  })
}

/** Signs in on the admin's own login page; the session cookie stays in the context. */
export async function signIn(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${adminUrl()}/login`)
  await page.fill('input[name="email"]', E2E_ADMIN.email)
  await page.fill('input[name="password"]', E2E_ADMIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/a\//, { timeout: PAGE_MS })
  return page
}

/**
 * The admin scrolls an inner panel, not the page, so a full-page shot shows
 * only the top: scroll what the test is about into view first.
 */
export async function screenshot(page: Page, name: string, focus?: string): Promise<void> {
  if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded()
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) })
}

/** Confirms the prompt that every money-moving action opens. */
export async function confirmPrompt(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole("alertdialog")
  await dialog.waitFor()
  await dialog.getByRole("button", { name: button, exact: true }).click()
}
