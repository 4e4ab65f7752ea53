import fs from "node:fs"

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>).__E2E_STACK__ as { stop(): Promise<void>; workDir: string } | undefined
  if (!stack) return
  await stack.stop()
  // Keep the logs of a failed run for reading; a green run leaves nothing behind.
  if (!process.env.E2E_KEEP) fs.rmSync(stack.workDir, { recursive: true, force: true })
}
