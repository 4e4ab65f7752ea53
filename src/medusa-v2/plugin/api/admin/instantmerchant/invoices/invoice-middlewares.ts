import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminChargeInvoice, AdminCreateInvoice, AdminEmptyBody, AdminListInvoices, AdminRefundInvoice } from "./validators"

const INVOICES = "/admin/instantmerchant/invoices"

/** The invoice routes' validation, listed in api/middlewares.ts (admin authentication is Medusa's, for all of /admin). */
export const invoiceMiddlewares: MiddlewareRoute[] = [
  { matcher: INVOICES, method: ["GET"], middlewares: [validateAndTransformQuery(AdminListInvoices, { isList: true, defaults: ["id"] })] },
  { matcher: INVOICES, method: ["POST"], middlewares: [validateAndTransformBody(AdminCreateInvoice)] },
  { matcher: `${INVOICES}/:invoice_num/send`, method: ["POST"], middlewares: [validateAndTransformBody(AdminEmptyBody)] },
  { matcher: `${INVOICES}/:invoice_num/charge`, method: ["POST"], middlewares: [validateAndTransformBody(AdminChargeInvoice)] },
  { matcher: `${INVOICES}/:invoice_num/capture`, method: ["POST"], middlewares: [validateAndTransformBody(AdminEmptyBody)] },
  { matcher: `${INVOICES}/:invoice_num/refund`, method: ["POST"], middlewares: [validateAndTransformBody(AdminRefundInvoice)] },
]
