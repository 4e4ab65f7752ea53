import { createCardEndpoint, retrieveCardsEndpoint } from "./cards"
import { captureChargeEndpoint, createChargeEndpoint, refundChargeEndpoint } from "./charges"
import { createCustomerEndpoint } from "./customers"
import type { Endpoint } from "./endpoint"
import { captureInvoiceEndpoint, chargeInvoiceEndpoint, createInvoiceEndpoint, refundInvoiceEndpoint, sendInvoiceEndpoint } from "./invoices"
import { cancelSubscriptionEndpoint, renewSubscriptionEndpoint, updateSubscriptionCardEndpoint } from "./subscriptions"

/** Where the reference's endpoints live: https://api.instantmerchant.io/api/v2/… */
export const API_PREFIX = "/api/v2"

/** The reference's 14 endpoints, all POST. */
export const API_ROUTES: Readonly<Record<string, Endpoint>> = {
  [`${API_PREFIX}/invoice`]: createInvoiceEndpoint,
  [`${API_PREFIX}/invoice/send`]: sendInvoiceEndpoint,
  [`${API_PREFIX}/invoice/charge`]: chargeInvoiceEndpoint,
  [`${API_PREFIX}/invoice/capture`]: captureInvoiceEndpoint,
  [`${API_PREFIX}/invoice/refund`]: refundInvoiceEndpoint,
  [`${API_PREFIX}/charge`]: createChargeEndpoint,
  [`${API_PREFIX}/capture`]: captureChargeEndpoint,
  [`${API_PREFIX}/refund`]: refundChargeEndpoint,
  [`${API_PREFIX}/customer`]: createCustomerEndpoint,
  [`${API_PREFIX}/card`]: createCardEndpoint,
  [`${API_PREFIX}/card/get`]: retrieveCardsEndpoint,
  [`${API_PREFIX}/subscription/update_card`]: updateSubscriptionCardEndpoint,
  [`${API_PREFIX}/subscription/renew`]: renewSubscriptionEndpoint,
  [`${API_PREFIX}/subscription/cancel`]: cancelSubscriptionEndpoint,
}
