export type CheckoutFigures = Record<string, unknown>
export async function checkoutBench(_rounds: number, _progress: (line: string) => void): Promise<CheckoutFigures> {
  return {}
}
