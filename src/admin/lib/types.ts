/** The shapes the plugin's admin routes answer (see README: Subscriptions, Pay by invoice). */

export type Refund = { refund_id: string; amount: number; created_at: string }

export type Renewal = {
  id: string
  period_start: string
  period_end: string
  attempt: number
  status: "succeeded" | "failed" | "unknown"
  trigger: "job" | "admin"
  amount: number
  charge_id: string | null
  invoice_num: number | null
  failure_code: string | null
  failure_message: string | null
  order_id: string | null
  attempted_at: string
  finished_at: string | null
}

export type Subscription = {
  id: string
  gateway_subscription_id: string
  status: "active" | "past_due" | "canceled" | "expired"
  interval: string
  amount: number
  currency_code: string
  customer_id: string | null
  email: string | null
  order_id: string | null
  card_last_4: string | null
  current_period_start: string
  current_period_end: string
  next_renewal_at: string | null
  failed_attempts: number
  canceled_at: string | null
  created_at: string
  renewals?: Renewal[]
}

export type Invoice = {
  id: string
  invoice_num: number
  status: "open" | "paid" | "partially_refunded" | "refunded"
  amount: number
  currency: string
  items: Array<{ name: string; price: number }>
  description: string | null
  date_due: string | null
  customer_id: string | null
  order_id: string | null
  cart_id: string | null
  charge_id: string | null
  payment_mode: string | null
  card_last_4: string | null
  captured: boolean
  released: boolean
  amount_refunded: number
  refunds: Refund[]
  sent_at: string[]
  created_at: string
}

export type SavedCard = { card_id: string; last_4: string; exp_month: number; exp_year: number; is_default: boolean }

export type List<K extends string, T> = { [key in K]: T[] } & { count: number; offset: number; limit: number }
