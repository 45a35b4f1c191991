/**
 * Benchmarks the SPM.COST, SPM.COMMISSION and SPM.KPI functions against the nearest peer in the
 * same run: @formulajs/formulajs (SUMPRODUCT for the weighted pipeline, AVERAGEIF, COUNTIF,
 * MEDIAN, RRI, ...) or plain arithmetic for the ratios that Excel users type as `=A1/B1`.
 * Scalar functions run 100,000 calls; range functions take 10,000-row ranges. Prints
 * milliseconds per call and the ratio peer / ours, so a ratio above 1 means we are faster.
 *
 * Our functions are called as Excel calls them: ranges as one-column 2-D arrays and every
 * argument checked. The arithmetic peers check nothing, so the ratio of a scalar ratio measures
 * the price of the argument checks.
 *
 * `npm run bench` runs it after the forecast benchmark, once the sources are compiled into
 * dist-node/.
 */
const path = require("path");
const formulajs = require("@formulajs/formulajs");

const compiled = path.join(__dirname, "..", "dist-node");
const { installCustomFunctionsRuntime } = require(
  path.join(compiled, "src/headless/customFunctionsRuntime"),
);
installCustomFunctionsRuntime();
const cost = require(path.join(compiled, "src/functions/cost"));
const commission = require(path.join(compiled, "src/functions/commission"));
const kpi = require(path.join(compiled, "src/functions/kpi"));

const SCALAR_CALLS = 100_000;
const RANGE_ROWS = 10_000;
/** Repetitions of each range call, so one timing covers enough work to measure. */
const RANGE_CALLS = 20;

/** Runs `call` `count` times after a warm-up and returns milliseconds per call. */
function timePerCall(call, count) {
  for (let i = 0; i < Math.min(count, 1000); i++) {
    call(i);
  }
  const started = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < count; i++) {
    const result = call(i);
    sink += typeof result === "number" ? result : 1;
  }
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (!Number.isFinite(sink)) {
    throw new Error("a benchmark call returned a value that is not finite");
  }
  return elapsedMs / count;
}

/** Deterministic pseudo-random numbers (a linear congruential generator) for repeatable data. */
function makeRandom(seed) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Builds 10,000 deals as Excel would pass their columns. */
function makeDeals() {
  const random = makeRandom(20250101);
  const outcomes = ["won", "lost", "open"];
  const categories = ["closed", "commit", "best case", "pipeline", "omitted"];
  const deals = { amounts: [], probabilities: [], created: [], closed: [], outcomes: [] };
  Object.assign(deals, { categories: [], closeDates: [], flags: [], turnover: [], scores: [] });
  for (let i = 0; i < RANGE_ROWS; i++) {
    const created = 45_292 + Math.floor(random() * 365);
    const outcome = outcomes[Math.floor(random() * 3)];
    deals.amounts.push([Math.round(1000 + random() * 50_000)]);
    deals.probabilities.push([Math.round(random() * 10) / 10]);
    deals.created.push([created]);
    deals.closed.push([outcome === "open" ? null : created + Math.floor(random() * 120)]);
    deals.outcomes.push([outcome]);
    deals.categories.push([categories[Math.floor(random() * 5)]]);
    deals.closeDates.push([created + 30 + Math.floor(random() * 90)]);
    deals.flags.push([random() < 0.6]);
    deals.turnover.push([Math.round(random() * 100_000)]);
    deals.scores.push([0.5 + random()]);
  }
  return deals;
}

/** Returns the values of a one-column range as a flat array. */
function flat(range) {
  return range.map((row) => row[0]);
}

const RATE_TABLE = [
  [0, 0.05],
  [0.5, 0.1],
  [1, 0.15],
];

/** Marginal commission on the table above, written out as a user would in Excel. */
function marginalCommission(sales, quota) {
  const band1 = Math.min(sales, 0.5 * quota);
  const band2 = Math.min(Math.max(sales - 0.5 * quota, 0), 0.5 * quota);
  const band3 = Math.max(sales - quota, 0);
  return band1 * 0.05 + band2 * 0.1 + band3 * 0.15;
}

/** Scalar functions: [name, ours, peer], each called with the call index. */
const SCALAR_CASES = [
  ["KPI.ATTAINMENT", (i) => kpi.attainment(90_000 + i, 100_000), (i) => (90_000 + i) / 100_000],
  [
    "KPI.WINRATE counts",
    (i) => kpi.winRateKpi(12 + (i % 5), 30),
    (i) => (12 + (i % 5)) / (42 + (i % 5)),
  ],
  [
    "KPI.VELOCITY",
    (i) => kpi.velocity(18 + (i % 3), 0.24, 42_000, 78),
    (i) => ((18 + (i % 3)) * 0.24 * 42_000) / 78,
  ],
  [
    "KPI.COVERAGE",
    (i) => kpi.coverage(300_000 + i, 500_000, 180_000),
    (i) => (300_000 + i) / (500_000 - 180_000),
  ],
  ["FORECAST.RUNRATE", (i) => kpi.runRate(40_000 + i, 0.4), (i) => (40_000 + i) / 0.4],
  [
    "KPI.CAGR (RRI)",
    (i) => kpi.cagr(1_200_000, 1_650_000 + i, 3),
    (i) => formulajs.RRI(3, 1_200_000, 1_650_000 + i),
  ],
  ["KPI.CHURN", (i) => kpi.churn(500, i % 50), (i) => (i % 50) / 500],
  [
    "KPI.NRR",
    (i) => kpi.nrr(200_000, 20_000 + (i % 100), 4000, 6000),
    (i) => (200_000 + 20_000 + (i % 100) - 4000 - 6000) / 200_000,
  ],
  [
    "KPI.GRR",
    (i) => kpi.grr(200_000, 4000 + (i % 100), 6000),
    (i) => (200_000 - 4000 - (i % 100) - 6000) / 200_000,
  ],
  ["KPI.NUMERICDIST counts", (i) => kpi.numericDist(i % 100, 120), (i) => ((i % 100) / 120) * 100],
  ["KPI.SHELFSHARE", (i) => kpi.shelfShare(i % 40, 40), (i) => (i % 40) / 40],
  ["KPI.OOSRATE counts", (i) => kpi.oosRate(i % 100, 120), (i) => (i % 100) / 120],
  ["KPI.UPLIFT scalar", (i) => kpi.uplift(125 + (i % 10), 100), (i) => (125 + (i % 10)) / 100 - 1],
  ["COST.RATIO scalar", (i) => cost.ratio(120_000 + i, 950_000), (i) => (120_000 + i) / 950_000],
  ["COST.PERORDER", (i) => cost.perOrder(120_000 + i, 410), (i) => (120_000 + i) / 410],
  ["COST.CAC", (i) => cost.cac(50_000 + i, 200), (i) => (50_000 + i) / 200],
  [
    "COST.CACPAYBACK",
    (i) => cost.cacPayback(600 + (i % 10), 100, 0.75),
    (i) => (600 + (i % 10)) / (100 * 0.75),
  ],
  ["COST.LTV", (i) => cost.ltv(50 + (i % 10), 0.7, 0.04), (i) => ((50 + (i % 10)) * 0.7) / 0.04],
  ["COST.LTVCAC", (i) => cost.ltvCac(875 + (i % 10), 300), (i) => (875 + (i % 10)) / 300],
  [
    "COST.BREAKEVENUNITS",
    (i) => cost.breakEvenVolume(300_000 + i, 10, 6),
    (i) => (300_000 + i) / (10 - 6),
  ],
  [
    "COST.BREAKEVENREVENUE",
    (i) => cost.breakEvenSales(300_000 + i, 0.4),
    (i) => (300_000 + i) / 0.4,
  ],
  [
    "COMMISSION",
    (i) => commission.commission(140_000 + i, 100_000, RATE_TABLE),
    (i) => marginalCommission(140_000 + i, 100_000),
  ],
];

/** Range functions on 10,000 rows: [name, ours, peer]. */
function rangeCases(deals) {
  const amounts = flat(deals.amounts);
  const probabilities = flat(deals.probabilities);
  const outcomes = flat(deals.outcomes);
  const categories = flat(deals.categories);
  const created = flat(deals.created);
  const closed = flat(deals.closed);
  const flags = flat(deals.flags);
  const turnover = flat(deals.turnover);
  const scores = flat(deals.scores);
  const targets = deals.turnover.map((row) => [row[0] + 1]);
  const start = 45_400;
  const end = 45_500;
  return [
    [
      "FORECAST.PIPELINE (SUMPRODUCT)",
      () => kpi.pipeline(deals.amounts, deals.probabilities),
      () => formulajs.SUMPRODUCT(deals.amounts, deals.probabilities),
    ],
    [
      "FORECAST.PIPELINE in period",
      () => kpi.pipeline(deals.amounts, deals.probabilities, deals.closeDates, start, end),
      () =>
        formulajs.SUMPRODUCT(
          amounts,
          probabilities,
          flat(deals.closeDates).map((date) => (date >= start && date <= end ? 1 : 0)),
        ),
    ],
    [
      "KPI.WINRATE outcomes (COUNTIF)",
      () => kpi.winRateKpi(deals.outcomes),
      () => {
        const won = formulajs.COUNTIF(outcomes, "won");
        return won / (won + formulajs.COUNTIF(outcomes, "lost"));
      },
    ],
    [
      "KPI.AVGDEAL won (AVERAGEIF)",
      () => kpi.averageDeal(deals.amounts, deals.outcomes),
      () => formulajs.AVERAGEIF(outcomes, "won", amounts),
    ],
    [
      "KPI.SALESCYCLE median (MEDIAN)",
      () => kpi.salesCycle(deals.created, deals.closed, "median"),
      () =>
        formulajs.MEDIAN(closed.flatMap((date, i) => (date === null ? [] : [date - created[i]]))),
    ],
    [
      "KPI.FORECASTROLLUP (SUMIF)",
      () => kpi.forecastRollup(deals.amounts, deals.categories),
      () =>
        ["closed", "commit", "best case", "pipeline"].map((c) =>
          formulajs.SUMIF(categories, c, amounts),
        ),
    ],
    [
      "KPI.GROWTH (arithmetic)",
      () => kpi.growth(deals.amounts, "year"),
      // A spilled column, as Excel shows =A13:A10000/A1:A9988-1.
      () => amounts.map((x, t) => [t < 12 ? "" : x / amounts[t - 12] - 1]),
    ],
    [
      "KPI.WEIGHTEDDIST (SUMPRODUCT)",
      () => kpi.weightedDist(deals.flags, deals.turnover),
      () => (formulajs.SUMPRODUCT(flags.map(Number), turnover) / formulajs.SUM(turnover)) * 100,
    ],
    [
      "KPI.NUMERICDIST flags (COUNTIF)",
      () => kpi.numericDist(deals.flags),
      () => (formulajs.COUNTIF(flags, true) / flags.length) * 100,
    ],
    [
      "KPI.SCORE (SUMPRODUCT)",
      () => kpi.score(deals.amounts, targets, deals.probabilities),
      () =>
        formulajs.SUMPRODUCT(
          amounts.map((x, i) => x / (turnover[i] + 1)),
          probabilities,
        ) / formulajs.SUM(probabilities),
    ],
    [
      "KPI.SCORESUMMARY (AVERAGE, MEDIAN, ...)",
      () => kpi.scoreSummary(deals.scores),
      () => [
        formulajs.AVERAGE(scores),
        formulajs.MEDIAN(scores),
        formulajs.MIN(scores),
        formulajs.MAX(scores),
        formulajs.COUNTIFS(scores, "<0.8"),
        formulajs.COUNTIFS(scores, ">=0.8", scores, "<1"),
        formulajs.COUNTIFS(scores, ">=1", scores, "<1.2"),
        formulajs.COUNTIFS(scores, ">=1.2"),
      ],
    ],
    [
      "COST.RATIO lines (SUM)",
      () => cost.ratio(deals.amounts, 1e9),
      () => formulajs.SUM(amounts) / 1e9,
    ],
    [
      "KPI.UPLIFT ranges (SUM)",
      () => kpi.uplift(deals.amounts, deals.turnover),
      () => formulajs.SUM(amounts) / formulajs.SUM(turnover) - 1,
    ],
  ];
}

/** Formats one result line: name, our time, the peer's time and the ratio peer / ours. */
function formatLine(name, oursMs, peerMs) {
  const ratio = (peerMs / oursMs).toFixed(2);
  return `${name.padEnd(40)} ${oursMs.toExponential(2).padStart(10)} ${peerMs.toExponential(2).padStart(10)} ${ratio.padStart(7)}`;
}

function main() {
  console.log(
    `Node ${process.version}, ${SCALAR_CALLS} calls per scalar function, ${RANGE_ROWS}-row ranges`,
  );
  console.log(
    `${"function (peer)".padEnd(40)} ${"ours ms".padStart(10)} ${"peer ms".padStart(10)} ${"peer/us".padStart(7)}`,
  );
  for (const [name, ours, peer] of SCALAR_CASES) {
    console.log(formatLine(name, timePerCall(ours, SCALAR_CALLS), timePerCall(peer, SCALAR_CALLS)));
  }
  for (const [name, ours, peer] of rangeCases(makeDeals())) {
    console.log(formatLine(name, timePerCall(ours, RANGE_CALLS), timePerCall(peer, RANGE_CALLS)));
  }
}

main();
