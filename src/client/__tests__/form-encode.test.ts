import { encodeComponent, formEncode, FormEncodeError } from "../form-encode"

describe("formEncode sends what `curl -d` sends", () => {
  it("encodes scalars, booleans and PHP-style arrays, in order", () => {
    const body = formEncode({
      customer: 1,
      description: "test description",
      items: ["apple", "orange"],
      items_price: [20, 18],
      send_now: 1,
      save_card: true,
      is_default: false,
      card_id: undefined,
      cvc: null,
    })
    expect(body).toBe(
      "customer=1&description=test+description&items%5B%5D=apple&items%5B%5D=orange&items_price%5B%5D=20&items_price%5B%5D=18&send_now=1&save_card=true&is_default=false"
    )
    const parsed = new URLSearchParams(body)
    expect(parsed.getAll("items[]")).toEqual(["apple", "orange"])
    expect(parsed.getAll("items_price[]")).toEqual(["20", "18"])
  })

  it("escapes separators inside values", () => {
    expect(new URLSearchParams(formEncode({ address: "1 Main St & 2nd=Ave" })).get("address")).toBe("1 Main St & 2nd=Ave")
  })

  it.each([
    [{ amount: 10.5 }, "amount"],
    [{ amount: Number.NaN }, "amount"],
    [{ amount: Infinity }, "amount"],
    [{ items_price: [20, 18.25] }, "items_price[1]"],
  ])("refuses a non-integer number instead of rounding it: %j", (params, param) => {
    expect(() => formEncode(params)).toThrow(FormEncodeError)
    try {
      formEncode(params)
    } catch (e) {
      expect((e as FormEncodeError).param).toBe(param)
      expect((e as Error).message).toContain("must be an integer")
    }
  })

  it("writes every character exactly as URLSearchParams does, alone and inside text", () => {
    const viaUrlSearchParams = (text: string) => new URLSearchParams([["", text]]).toString().slice(1)
    const differing: string[] = []
    const check = (text: string) => {
      if (encodeComponent(text) !== viaUrlSearchParams(text)) differing.push(JSON.stringify(text))
    }
    for (let code = 0; code <= 0x3000; code++) {
      const c = String.fromCharCode(code)
      check(c)
      check(`a${c}b c`)
    }
    for (const text of ["\ud800", "x\udfff y", "\ud83d\ude00 smile", "Jim Doe", "jim@example.com", "1 Main St & 2nd=Ave", "", "plain_text-1.2*"]) check(text)
    expect(differing).toEqual([])
  })

  it("encodes names once, and the same whether cached or not", () => {
    const params = { "na me": "v", "ünï": "w", "a&b": "x" }
    expect(formEncode(params)).toBe(new URLSearchParams(params).toString())
    expect(formEncode(params)).toBe(new URLSearchParams(params).toString())
  })
})
