import { parseAnswer } from "../request-sender"

describe("parseAnswer accepts only the reference's shape", () => {
  it.each([
    ['[{"status":true,"message":"ok"}]', { status: true, message: "ok" }],
    ['[{"status":false,"message":"no","code":"x"}]', { status: false, message: "no", code: "x" }],
    ['{"status":true}', undefined],
    ["[]", undefined],
    ['[{"status":true},{"status":true}]', undefined],
    ['[{"status":"true"}]', undefined],
    ["[null]", undefined],
    ["[[1]]", undefined],
    ["<html>502 Bad Gateway</html>", undefined],
    ["", undefined],
  ])("%s", (text, expected) => {
    expect(parseAnswer(text)).toEqual(expected)
  })
})
