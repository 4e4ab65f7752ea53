import { authorizationKey, chargeClearedForMerge, isDeadAuthorization, withoutCharge } from "../dead-authorization"
import { InstantMerchantSessionData, toSessionData } from "../session-data"

const NOW = new Date("2027-03-01T12:00:00Z")
const base: InstantMerchantSessionData = { amount: 2500, currency_code: "usd", card_id: "card_1", charge_id: "cha_1", captured: false }

describe("isDeadAuthorization", () => {
  it.each<[string, Partial<InstantMerchantSessionData>, boolean, boolean]>([
    ["a live authorization", {}, false, false],
    ["no charge at all", { charge_id: undefined }, false, false],
    ["released in the data", { released: true }, false, true],
    ["released by Medusa (the payment was canceled)", {}, true, true],
    ["past its expiry", { authorization_expires_at: "2027-03-01T11:59:59Z" }, false, true],
    ["expiring exactly now", { authorization_expires_at: "2027-03-01T12:00:00Z" }, false, true],
    ["before its expiry", { authorization_expires_at: "2027-03-08T11:00:00Z" }, false, false],
    ["captured, even if released elsewhere or expired: its money is there", { captured: true, authorization_expires_at: "2027-01-01T00:00:00Z" }, true, false],
  ])("%s", (_what, extra, releasedElsewhere, dead) => {
    expect(isDeadAuthorization({ ...base, ...extra }, NOW, releasedElsewhere)).toBe(dead)
  })
})

describe("withoutCharge", () => {
  it("drops every charge field, keeps the card and amount, and counts the attempt", () => {
    const data = { ...base, invoice_num: 4, payment_mode: "auth_only" as const, released: true, amount_refunded: 0, refunds: [], subscription_id: "sub_1", interval: "monthly", expiry_date: 1 }
    expect(withoutCharge(data)).toEqual({ amount: 2500, currency_code: "usd", card_id: "card_1", authorization_attempt: 2 })
    expect(withoutCharge({ ...data, authorization_attempt: 2 }).authorization_attempt).toBe(3)
  })

  it("for a merge, clears with nulls, which toSessionData then reads as absent", () => {
    const merged = { ...base, ...chargeClearedForMerge(base), card_id: "card_2" }
    expect(merged.charge_id).toBeNull()
    expect(toSessionData(merged)).toEqual({ amount: 2500, currency_code: "usd", card_id: "card_2", authorization_attempt: 2 })
  })
})

describe("authorizationKey", () => {
  const k = { sessionId: "ps_1", cardId: "card_1", amount: 2500, payment_mode: "auth_only" }
  it.each([
    [{}, "im_authorize_ps_1_card_1_2500_auth_only"],
    [{ attempt: 1 }, "im_authorize_ps_1_card_1_2500_auth_only"],
    [{ attempt: 2 }, "im_authorize_ps_1_card_1_2500_auth_only_attempt2"],
    [{ payment_mode: "auth_and_capture" }, "im_authorize_ps_1_card_1_2500_auth_and_capture"],
    [{ interval: "monthly", attempt: 3 }, "im_authorize_ps_1_card_1_2500_auth_only_monthly_attempt3"],
    [{ amount: 2501 }, "im_authorize_ps_1_card_1_2501_auth_only"],
    [{ cardId: "card_2" }, "im_authorize_ps_1_card_2_2500_auth_only"],
  ])("%j: %s", (extra, key) => {
    expect(authorizationKey({ ...k, ...extra })).toBe(key)
  })
})
