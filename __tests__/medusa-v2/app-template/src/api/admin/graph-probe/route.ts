import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * POST /admin/graph-probe { entity, fields, filters }: runs a `query.graph`
 * as a store's own code would, so the suite can check that the plugin's
 * module links answer the queries the README shows. Test store only (admin
 * authentication, as every /admin route).
 */
export async function POST(req: AuthenticatedMedusaRequest<{ entity: string; fields: string[]; filters?: Record<string, unknown> }>, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { entity, fields, filters } = req.body
  const { data } = await query.graph({ entity, fields, filters } as never)
  res.json({ data })
}
