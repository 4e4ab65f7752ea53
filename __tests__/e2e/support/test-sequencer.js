// Unit tests first, then the end-to-end files, and the card-data scan of the
// database last, so that it sees everything the suite wrote.
const Sequencer = require("@jest/test-sequencer").default

class UnitThenE2e extends Sequencer {
  sort(tests) {
    const rank = (t) => (t.path.includes("zz-card-data-scan") ? 2 : t.path.includes(".e2e.test.") ? 1 : 0)
    return [...tests].sort((a, b) => rank(a) - rank(b) || a.path.localeCompare(b.path))
  }
}
module.exports = UnitThenE2e
