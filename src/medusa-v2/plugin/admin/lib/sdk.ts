import Medusa from "@medusajs/js-sdk"

/**
 * The admin's own session: the dashboard signs in with a cookie, and the
 * plugin's routes are on the same server, so "/" (the page's origin) and
 * the cookie are all the client needs.
 */
export const sdk = new Medusa({ baseUrl: "/", auth: { type: "session" } })
