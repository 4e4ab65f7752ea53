const Sequencer = require("@jest/test-sequencer").default

/** Files in name order, so that zz-card-data-scan runs after every checkout it checks. */
class ScanLastSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  }
}

module.exports = ScanLastSequencer
