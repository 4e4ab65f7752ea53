import fs from "node:fs"
import path from "node:path"
import { Browser, chromium, Page } from "playwright-core"
import { PACKAGE_ROOT } from "../../src/demo/stack/package-root"
import { e2e } from "./support/e2e-env"
import { gateway } from "./support/sandbox-inspector"

/**
 * The demo's checkout page in a real browser: Debian's Chromium driven by
 * playwright-core (no browser download). Screenshots go to test-artifacts/.
 */
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium"
const ARTIFACTS = path.join(PACKAGE_ROOT, "test-artifacts")
let browser: Browser

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`)
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  })
})
afterAll(() => browser?.close())

async function payWith(page: Page, cardNumber: string): Promise<void> {
  await page.goto(e2e.storefrontUrl)
  await page.waitForSelector("#status:has-text('Ready.')")
  await page.click("#add-to-cart")
  await page.waitForSelector("#pay:not([disabled])")
  await page.fill("#card-number", cardNumber)
  await page.fill("#exp-year", String(new Date().getUTCFullYear() + 2))
  await page.click("#pay")
  await page.waitForSelector("#confirmation:not([hidden]), #error:not([hidden])", { timeout: 30_000 })
}

it("a shopper pays with a test card and sees the order with the card's last 4", async () => {
  const page = await browser.newPage()
  await payWith(page, "4242424242424242")
  await page.screenshot({ path: path.join(ARTIFACTS, "storefront-paid.png"), fullPage: true })
  const confirmation = await page.textContent("#confirmation")
  expect(confirmation).toMatch(/Order #\d+ is placed/)
  expect(confirmation).toContain("card ending 4242")
  const chargeId = /charge (cha_\w+)/.exec(confirmation ?? "")?.[1]
  expect(await gateway.charge(chargeId!)).toMatchObject({ amount: 3000, status: "authorized" })
  await page.close()
})

it("a declined card shows the decline message, and no order", async () => {
  const page = await browser.newPage()
  const before = (await gateway.list("charges")).length
  await payWith(page, "4000000000000002")
  await page.screenshot({ path: path.join(ARTIFACTS, "storefront-declined.png"), fullPage: true })
  expect(await page.isVisible("#confirmation")).toBe(false)
  expect(await page.textContent("#error")).toContain("Your card was declined: the bank declined it")
  expect((await gateway.list("charges")).length).toBe(before)
  await page.close()
})
