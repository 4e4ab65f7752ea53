import { resolvePluginOptions } from "../config/plugin-options"

/**
 * Runs when Medusa starts. Medusa builds payment processors lazily, on the
 * first checkout, so without this loader a typo in the options would surface
 * in a shopper's checkout instead of at start-up.
 */
export default async function validateOptions(_container: unknown, options: unknown): Promise<void> {
  resolvePluginOptions(options)
}
