/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Medusa v1's dependency container as the plugin's services, processors and
 * routes receive it. Medusa types it no better; each user names the services
 * it resolves where it resolves them.
 */
export type Cradle = Record<string, any>

/** Medusa's logger, as far as the plugin writes to it; `console` fits too. */
export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
  debug?(message: string): void
}

/** The logger of a container, or the console when it has none (tests, scripts). */
export function loggerOf(container: Cradle | undefined): Logger {
  return (container?.logger as Logger | undefined) ?? console
}
