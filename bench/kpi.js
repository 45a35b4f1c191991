/**
 * Benchmarks the SPM.COST, SPM.COMMISSION and SPM.KPI functions against a peer in the same run:
 * the @formulajs/formulajs formula a user would type in Excel for the same result.
 *
 * - A ratio or product typed as `=A1/B1` or `=A*B*C/D` is compared with formulajs's arithmetic
 *   functions DIVIDE, MULTIPLY, ADD and MINUS (`formulajs.utils.symbols`). Like Excel's
 *   operators, they turn text, logical values and blanks into numbers and pass errors on.
 * - KPI.CAGR is compared with RRI.
 * - COMMISSION is compared with one MIN/MAX band per tier over the rate table's cells.
 * - Range functions are compared with the formulajs function for the same total: SUMPRODUCT for
 *   the weighted pipeline, COUNTIF, AVERAGEIF, SUMIF, MEDIAN, SUM. KPI.GROWTH is compared with
 *   `=B14/B2-1` filled down, as MINUS(DIVIDE(...), 1) per cell.
 *
 * Scalar functions and KPI.GROWTH also show bare JavaScript arithmetic without any check, for
 * information. Its ratio is the price of reading Excel's arguments and is not a goal.
 *
 * Scalar functions run 100,000 calls and range functions take 10,000-row ranges. Our functions are
 * called as Excel calls them: ranges as one-column 2-D arrays and every argument checked. Prints
 * milliseconds per call and the ratio peer / ours, so a ratio above 1 means we are faster.
 *
 * `npm run bench` runs it after the forecast benchmark, once the sources are compiled into
 * dist-node/.
 */
const path = require("path");
const formulajs = require("@formulajs/formulajs");

const { ADD, DIVIDE, MINUS, MULTIPLY } = formulajs.utils.symbols;
const { MAX, MIN } = formulajs;

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

/**
 * Timed rounds per case. The rounds of our function, the peer and bare JavaScript alternate, so
 * load from other processes falls on all three alike, and the fastest round of each is reported:
 * interference only adds time, and on a loaded machine V8's background compiler may install the
 * optimised code of a call only after several rounds.
 */
const ROUNDS = 7;

/** Runs `call` `count` times and returns milliseconds per call. */
function timePerCall(call, count) {
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

/**
 * Times each of `calls` over `count` calls per round and returns the fastest round's
 * milliseconds per call of each. One untimed round first lets V8 optimise every call.
 */
function timeAlternating(calls, count) {
  const rounds = calls.map(() => []);
  for (let round = 0; round <= ROUNDS; round++) {
    calls.forEach((call, i) => {
      const ms = timePerCall(call, count);
      if (round > 0) {
        rounds[i].push(ms);
      }
    });
  }
  return rounds.map((times) => Math.min(...times));
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

/** Marginal commission on the table above in bare arithmetic. */
function marginalCommission(sales, quota) {
  const band1 = Math.min(sales, 0.5 * quota);
  const band2 = Math.min(Math.max(sales - 0.5 * quota, 0), 0.5 * quota);
  const band3 = Math.max(sales - quota, 0);
  return band1 * 0.05 + band2 * 0.1 + band3 * 0.15;
}

/**
 * Marginal commission on a three-tier table whose first threshold is 0, as a user writes it in
 * Excel with formulajs's functions: sales in B1, quota in B2, thresholds in E2:E4, rates in F2:F4.
 */
function marginalCommissionFormula(sales, quota, table) {
  const [[, rate1], [threshold2, rate2], [threshold3, rate3]] = table;
  // =MIN(B1,E3*B2)*F2
  const band1 = MULTIPLY(MIN(sales, MULTIPLY(threshold2, quota)), rate1);
  // +MIN(MAX(B1-E3*B2,0),(E4-E3)*B2)*F3
  const band2Sales = MIN(
    MAX(MINUS(sales, MULTIPLY(threshold2, quota)), 0),
    MULTIPLY(MINUS(threshold3, threshold2), quota),
  );
  const band2 = MULTIPLY(band2Sales, rate2);
  // +MAX(B1-E4*B2,0)*F4
  const band3 = MULTIPLY(MAX(MINUS(sales, MULTIPLY(threshold3, quota)), 0), rate3);
  return ADD(ADD(band1, band2), band3);
}

/**
 * Scalar functions: [name (peer), ours, formulajs peer, bare JavaScript], each called with the
 * call index. The peer is the formula a user would type in Excel, written with formulajs's
 * arithmetic functions, and the comment above each case shows that formula.
 */
const SCALAR_CASES = [
  // =actual/quota
  [
    "KPI.ATTAINMENT (DIVIDE)",
    (i) => kpi.attainment(90_000 + i, 100_000),
    (i) => DIVIDE(90_000 + i, 100_000),
    (i) => (90_000 + i) / 100_000,
  ],
  // =won/(won+lost)
  [
    "KPI.WINRATE counts (DIVIDE, ADD)",
    (i) => kpi.winRateKpi(12 + (i % 5), 30),
    (i) => DIVIDE(12 + (i % 5), ADD(12 + (i % 5), 30)),
    (i) => (12 + (i % 5)) / (42 + (i % 5)),
  ],
  // =opportunities*win_rate*average_deal/cycle_days
  [
    "KPI.VELOCITY (MULTIPLY, DIVIDE)",
    (i) => kpi.velocity(18 + (i % 3), 0.24, 42_000, 78),
    (i) => DIVIDE(MULTIPLY(MULTIPLY(18 + (i % 3), 0.24), 42_000), 78),
    (i) => ((18 + (i % 3)) * 0.24 * 42_000) / 78,
  ],
  // =open_pipeline/(quota-closed_to_date)
  [
    "KPI.COVERAGE (DIVIDE, MINUS)",
    (i) => kpi.coverage(300_000 + i, 500_000, 180_000),
    (i) => DIVIDE(300_000 + i, MINUS(500_000, 180_000)),
    (i) => (300_000 + i) / (500_000 - 180_000),
  ],
  // =amount_to_date/elapsed_share
  [
    "FORECAST.RUNRATE (DIVIDE)",
    (i) => kpi.runRate(40_000 + i, 0.4),
    (i) => DIVIDE(40_000 + i, 0.4),
    (i) => (40_000 + i) / 0.4,
  ],
  // =RRI(years, begin_value, end_value)
  [
    "KPI.CAGR (RRI)",
    (i) => kpi.cagr(1_200_000, 1_650_000 + i, 3),
    (i) => formulajs.RRI(3, 1_200_000, 1_650_000 + i),
    (i) => Math.pow((1_650_000 + i) / 1_200_000, 1 / 3) - 1,
  ],
  // =customers_lost/customers_start
  [
    "KPI.CHURN (DIVIDE)",
    (i) => kpi.churn(500, i % 50),
    (i) => DIVIDE(i % 50, 500),
    (i) => (i % 50) / 500,
  ],
  // =(start_revenue+expansion-contraction-churned)/start_revenue
  [
    "KPI.NRR (ADD, MINUS, DIVIDE)",
    (i) => kpi.nrr(200_000, 20_000 + (i % 100), 4000, 6000),
    (i) => DIVIDE(MINUS(MINUS(ADD(200_000, 20_000 + (i % 100)), 4000), 6000), 200_000),
    (i) => (200_000 + 20_000 + (i % 100) - 4000 - 6000) / 200_000,
  ],
  // =(start_revenue-contraction-churned)/start_revenue
  [
    "KPI.GRR (MINUS, DIVIDE)",
    (i) => kpi.grr(200_000, 4000 + (i % 100), 6000),
    (i) => DIVIDE(MINUS(MINUS(200_000, 4000 + (i % 100)), 6000), 200_000),
    (i) => (200_000 - 4000 - (i % 100) - 6000) / 200_000,
  ],
  // =stocking/outlets*100
  [
    "KPI.NUMERICDIST counts (DIVIDE, MULTIPLY)",
    (i) => kpi.numericDist(i % 100, 120),
    (i) => MULTIPLY(DIVIDE(i % 100, 120), 100),
    (i) => ((i % 100) / 120) * 100,
  ],
  // =brand_facings/total_facings
  [
    "KPI.SHELFSHARE (DIVIDE)",
    (i) => kpi.shelfShare(i % 40, 40),
    (i) => DIVIDE(i % 40, 40),
    (i) => (i % 40) / 40,
  ],
  // =out_of_stock/checks
  [
    "KPI.OOSRATE counts (DIVIDE)",
    (i) => kpi.oosRate(i % 100, 120),
    (i) => DIVIDE(i % 100, 120),
    (i) => (i % 100) / 120,
  ],
  // =actual/baseline-1
  [
    "KPI.UPLIFT scalar (DIVIDE, MINUS)",
    (i) => kpi.uplift(125 + (i % 10), 100),
    (i) => MINUS(DIVIDE(125 + (i % 10), 100), 1),
    (i) => (125 + (i % 10)) / 100 - 1,
  ],
  // =costs/revenue
  [
    "COST.RATIO scalar (DIVIDE)",
    (i) => cost.ratio(120_000 + i, 950_000),
    (i) => DIVIDE(120_000 + i, 950_000),
    (i) => (120_000 + i) / 950_000,
  ],
  // =costs/orders
  [
    "COST.PERORDER (DIVIDE)",
    (i) => cost.perOrder(120_000 + i, 410),
    (i) => DIVIDE(120_000 + i, 410),
    (i) => (120_000 + i) / 410,
  ],
  // =spend/new_customers
  [
    "COST.CAC (DIVIDE)",
    (i) => cost.cac(50_000 + i, 200),
    (i) => DIVIDE(50_000 + i, 200),
    (i) => (50_000 + i) / 200,
  ],
  // =cac/(monthly_revenue*gross_margin)
  [
    "COST.CACPAYBACK (DIVIDE, MULTIPLY)",
    (i) => cost.cacPayback(600 + (i % 10), 100, 0.75),
    (i) => DIVIDE(600 + (i % 10), MULTIPLY(100, 0.75)),
    (i) => (600 + (i % 10)) / (100 * 0.75),
  ],
  // =revenue_per_account*gross_margin/churn_rate
  [
    "COST.LTV (MULTIPLY, DIVIDE)",
    (i) => cost.ltv(50 + (i % 10), 0.7, 0.04),
    (i) => DIVIDE(MULTIPLY(50 + (i % 10), 0.7), 0.04),
    (i) => ((50 + (i % 10)) * 0.7) / 0.04,
  ],
  // =ltv/cac
  [
    "COST.LTVCAC (DIVIDE)",
    (i) => cost.ltvCac(875 + (i % 10), 300),
    (i) => DIVIDE(875 + (i % 10), 300),
    (i) => (875 + (i % 10)) / 300,
  ],
  // =fixed_costs/(price-variable_cost)
  [
    "COST.BREAKEVENUNITS (DIVIDE, MINUS)",
    (i) => cost.breakEvenVolume(300_000 + i, 10, 6),
    (i) => DIVIDE(300_000 + i, MINUS(10, 6)),
    (i) => (300_000 + i) / (10 - 6),
  ],
  // =fixed_costs/margin_ratio
  [
    "COST.BREAKEVENREVENUE (DIVIDE)",
    (i) => cost.breakEvenSales(300_000 + i, 0.4),
    (i) => DIVIDE(300_000 + i, 0.4),
    (i) => (300_000 + i) / 0.4,
  ],
  // =MIN(B1,E3*B2)*F2+MIN(MAX(B1-E3*B2,0),(E4-E3)*B2)*F3+MAX(B1-E4*B2,0)*F4
  [
    "COMMISSION (MIN, MAX, MULTIPLY, ...)",
    (i) => commission.commission(140_000 + i, 100_000, RATE_TABLE),
    (i) => marginalCommissionFormula(140_000 + i, 100_000, RATE_TABLE),
    (i) => marginalCommission(140_000 + i, 100_000),
  ],
];

/** Range functions on 10,000 rows: [name (peer), ours, formulajs peer, optional bare JavaScript]. */
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
      "KPI.GROWTH (DIVIDE, MINUS per cell)",
      () => kpi.growth(deals.amounts, "year"),
      // =B14/B2-1 filled down from the 13th row, the first 12 rows left blank.
      () => amounts.map((x, t) => [t < 12 ? "" : MINUS(DIVIDE(x, amounts[t - 12]), 1)]),
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

/** Formats a time in milliseconds and its ratio peer / ours, or blanks when there is no time. */
function formatTiming(oursMs, otherMs) {
  if (otherMs === undefined) {
    return `${"".padStart(10)} ${"".padStart(7)}`;
  }
  const ratio = (otherMs / oursMs).toFixed(2);
  return `${otherMs.toExponential(2).padStart(10)} ${ratio.padStart(7)}`;
}

/** Times one case and formats its line: our time, the peer's, then bare JavaScript's. */
function measureLine([name, ours, peer, bare], count) {
  const calls = bare === undefined ? [ours, peer] : [ours, peer, bare];
  const [oursMs, peerMs, bareMs] = timeAlternating(calls, count);
  const timings = `${formatTiming(oursMs, peerMs)} ${formatTiming(oursMs, bareMs)}`;
  return `${name.padEnd(42)} ${oursMs.toExponential(2).padStart(10)} ${timings}`;
}

function main() {
  console.log(
    `Node ${process.version}, ${SCALAR_CALLS} calls per scalar function, ${RANGE_ROWS}-row ranges, ` +
      `fastest of ${ROUNDS} rounds`,
  );
  const headings = ["ours ms", "peer ms", "peer/us", "bare ms", "bare/us"];
  const widths = [10, 10, 7, 10, 7];
  const columns = headings.map((heading, i) => heading.padStart(widths[i])).join(" ");
  console.log(`${"function (formulajs peer)".padEnd(42)} ${columns}`);
  for (const scalarCase of SCALAR_CASES) {
    console.log(measureLine(scalarCase, SCALAR_CALLS));
  }
  for (const rangeCase of rangeCases(makeDeals())) {
    console.log(measureLine(rangeCase, RANGE_CALLS));
  }
}

main();
