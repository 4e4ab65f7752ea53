import type { RouteConfig, RouteProps } from "@medusajs/admin"
import { DocumentText } from "@medusajs/icons"
import { Button } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { Status } from "../../components/common"
import { CreateInvoiceForm } from "../../components/create-invoice-form"
import { ListPage } from "../../components/list-page"
import type { Column } from "../../components/list-table"
import { money } from "../../lib/format"
import type { Invoice } from "../../lib/types"
import { useList } from "../../lib/use-list"

// medusa-admin bundle reads this file as a route: its default export must be a `const`
// whose body says `return <…>`, and `config` (an object literal) its only named export,
// or the page or its sidebar link is left out without failing the build (README, Layout).

const LIMIT = 20
const FILTERS = [
  { value: "", label: "All" },
  { value: "open", label: "Open" },
  { value: "paid", label: "Paid" },
  { value: "partially_refunded", label: "Partially refunded" },
  { value: "refunded", label: "Refunded" },
]
const COLUMNS: Column<Invoice>[] = [
  { header: "Invoice", cell: (inv) => `#${inv.invoice_num}` },
  { header: "Description", cell: (inv) => inv.description ?? (inv.order_id ? "checkout" : "–") },
  { header: "Customer", cell: (inv) => inv.customer_id ?? "–" },
  { header: "Due", cell: (inv) => inv.date_due ?? "–" },
  { header: "Amount", cell: (inv) => money(inv.amount, inv.currency) },
  { header: "Status", cell: (inv) => <Status value={inv.status} /> },
]
const pageOf = (inv: Invoice) => `/a/invoices/${inv.invoice_num}`

/** The shop's InstantMerchant invoices (checkout and admin ones), newest first, and the form for a new one. */
const InvoicesPage = ({ notify }: RouteProps) => {
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  const list = useList<Invoice>("/instantmerchant/invoices", "invoices", ["invoices"], { pageSize: LIMIT })
  return (
    <div className="flex flex-col gap-y-4">
      {creating && <CreateInvoiceForm notify={notify} onClose={() => setCreating(false)} onCreated={(invoice) => navigate(pageOf(invoice))} />}
      <ListPage
        list={list}
        testId="invoices-page"
        title="Invoices"
        description="InstantMerchant invoices: paid at checkout, or made out here and paid later."
        action={
          <Button size="small" variant="secondary" onClick={() => setCreating(true)} disabled={creating}>
            Create invoice
          </Button>
        }
        filters={FILTERS}
        columns={COLUMNS}
        rowTestId="invoice-row"
        href={pageOf}
        empty="No invoices."
      />
    </div>
  )
}

export const config: RouteConfig = {
  link: {
    label: "Invoices",
    icon: DocumentText,
  },
}

export default InvoicesPage
