/** The dashboard's own paths (it runs under its base, /app, by itself) and the plugin's pages. */
export const paths = {
  order: (id: string) => `/orders/${id}`,
  customer: (id: string) => `/customers/${id}`,
  subscriptions: "/subscriptions",
  subscription: (id: string) => `/subscriptions/${id}`,
  invoices: "/invoices",
  invoice: (num: number | string) => `/invoices/${num}`,
}

/** The plugin's admin routes, the same as v1's. */
export const api = {
  subscriptions: "/admin/instantmerchant/subscriptions",
  subscription: (id: string) => `/admin/instantmerchant/subscriptions/${id}`,
  customerCards: (id: string) => `/admin/instantmerchant/customers/${id}/cards`,
  invoices: "/admin/instantmerchant/invoices",
  invoice: (num: number | string) => `/admin/instantmerchant/invoices/${num}`,
}
