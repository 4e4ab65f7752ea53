import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminChargeInvoice, AdminCreateInvoice, AdminEmptyBody, AdminListInvoices, AdminRefundInvoice } from "./validators"

const INVOICES = "/admin/instantmerchant/invoices"

/** The invoice routes' validation, listed in api/middlewares.ts (admin authentication is Medusa's, for all of /admin). */
export const invoiceMiddlewares: MiddlewareRoute[] = [
  { matcher: INVOICES, methods: ["GET"], middlewares: [validateAndTransformQuery(AdminListInvoices, { isList: true, defaults: ["id"] })] },
  { matcher: INVOICES, methods: ["POST"], middlewares: [validateAndTransformBody(AdminCreateInvoice)] },
  { matcher: `${INVOICES}/:invoice_num/send`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminEmptyBody)] },
  { matcher: `${INVOICES}/:invoice_num/charge`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminChargeInvoice)] },
  { matcher: `${INVOICES}/:invoice_num/capture`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminEmptyBody)] },
  { matcher: `${INVOICES}/:invoice_num/refund`, methods: ["POST"], middlewares: [validateAndTransformBody(AdminRefundInvoice)] },
]
