export async function peerBench(_args: unknown, _counter: { next: number }): Promise<Record<string, unknown>> {
  return {}
}
