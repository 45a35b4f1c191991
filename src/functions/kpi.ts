/**
 * The SPM.KPI.* custom functions and the pipeline forecasts SPM.FORECAST.PIPELINE and
 * SPM.FORECAST.RUNRATE: thin adapters that read Excel's arguments, call `core/kpi` and return a
 * number, a spilled column or a table.
 *
 * Percentages given to these functions are fractions, as Excel stores them: 25% or 0.25; text
 * such as "25%" is read too. Rates and ratios are returned as fractions, to be shown with the
 * percent format, except numeric and weighted distribution, which are index points from 0 to 100
 * as retail panels publish them. Dates are Excel serial numbers. A ratio whose denominator is 0
 * shows #DIV/0!, as Excel's own division.
 *
 * The adapters import each core module directly rather than through its index, because the
 * CommonJS build (the `spm` command, tests) compiles `export *` into getters that run on every
 * call.
 */
import {
  numericDistribution,
  numericDistributionOfFlags,
  outOfStockRate,
  outOfStockRateOfFlags,
  promotionUplift,
  shareOfShelf,
  weightedDistribution,
} from "../core/kpi/distribution";
import { compoundAnnualGrowth, growthAt } from "../core/kpi/growth";
import {
  FORECAST_CATEGORIES,
  ForecastCategory,
  forecastCategoryRollup,
  runRateForecast,
  weightedPipeline,
} from "../core/kpi/pipeline";
import {
  customerChurnRate,
  grossRevenueRetention,
  netRevenueRetention,
} from "../core/kpi/retention";
import { CycleStatistic, EmptyMedianError, salesCycleLength } from "../core/kpi/salesCycle";
import {
  averageDealSize,
  pipelineCoverage,
  quotaAttainment,
  salesVelocity,
  winRate,
  winRateOfOutcomes,
} from "../core/kpi/salesKpis";
import { MetricDirection, summarizeScores, weightedScore } from "../core/kpi/scorecard";
import { InvalidInputError } from "../core/errors";
import {
  NON_NEGATIVE,
  NON_NEGATIVE_WHOLE,
  POSITIVE,
  PercentRange,
  TextChoice,
  checkSameLength,
  isBlank,
  readChoiceCells,
  readDateCells,
  readFlags,
  readNumber,
  readOptionalChoice,
  readOptionalDate,
  readOptionalNumber,
  readOptionalPercent,
  readOptionalPositiveInteger,
  readOptionalSeries,
  readOutcomes,
  readPercent,
  readPercentSeries,
  readSeries,
  readVector,
} from "./arguments";
import { ratioFunctionError } from "./cost";
import { ResultCell, toColumnRow, toNumber, toTable } from "./results";

/**
 * Computes quota attainment: actual ÷ quota.
 * @customfunction KPI.ATTAINMENT
 * @param actual Actual sales (or another measure) of the period, in the unit of quota.
 * @param quota Quota of the period, above 0.
 * @returns Attainment as a fraction, such as 1.1 for 110 % of quota.
 * @example =SPM.KPI.ATTAINMENT(C2, B2)
 * @errors #VALUE! when a value is not a number or quota is 0 or less.
 */
export function attainment(actual: number, quota: number): number {
  try {
    const value = readNumber(actual, "actual");
    const target = readNumber(quota, "quota");
    return toNumber(quotaAttainment(value, target), "the attainment");
  } catch (error) {
    throw ratioFunctionError("KPI.ATTAINMENT", error);
  }
}

/**
 * Computes the win rate, won ÷ (won + lost), from counts or from a range of deal outcomes.
 * @customfunction KPI.WINRATE
 * @param won Number of deals won, or a row or column of outcomes: "won", "lost", "open" (also "closed won", "closed lost", TRUE for won, FALSE for lost). Blank cells are open deals, which do not count.
 * @param [lost] Optional. Number of deals lost, needed when won is a count. Omit it when won is a range of outcomes.
 * @returns The win rate as a fraction, such as 0.25 for 25 %.
 * @example =SPM.KPI.WINRATE(D2:D200)
 * @errors #VALUE! when a count is negative or not a whole number, an outcome is not recognised, or lost is omitted with a single count; #DIV/0! when there is no won or lost deal.
 */
export function winRateKpi(won: any[][], lost?: number): number {
  try {
    if (isBlank(lost)) {
      const cells = readVector(won, "won");
      if (cells.length === 1 && typeof cells[0] === "number") {
        throw new InvalidInputError(
          "lost is missing; give the number of deals lost, or give won as a range of outcomes.",
        );
      }
      return toNumber(winRateOfOutcomes(readOutcomes(won, "won")), "the win rate");
    }
    const wonCount = readNumber(won, "won", NON_NEGATIVE_WHOLE);
    const lostCount = readNumber(lost, "lost", NON_NEGATIVE_WHOLE);
    return toNumber(winRate(wonCount, lostCount), "the win rate");
  } catch (error) {
    throw ratioFunctionError("KPI.WINRATE", error);
  }
}

/**
 * Computes the average deal size: the mean amount of the won deals, or of all amounts.
 * @customfunction KPI.AVGDEAL
 * @param amounts Amount of each deal in currency, one row or one column.
 * @param [outcomes] Optional. Outcome of each deal ("won", "lost", "open"; blank is open), as many as amounts. Only won deals count. Omit it to average all amounts.
 * @returns The average deal size in currency.
 * @example =SPM.KPI.AVGDEAL(C2:C200, D2:D200)
 * @errors #VALUE! when an amount is not a number, an outcome is not recognised, or the ranges differ in count; #DIV/0! when no deal is won.
 */
export function averageDeal(amounts: any[][], outcomes?: any[][]): number {
  try {
    const values = readSeries(amounts, "amounts");
    const dealOutcomes = isBlank(outcomes) ? null : readOutcomes(outcomes, "outcomes");
    if (dealOutcomes !== null) {
      checkSameLength(values, "amounts", dealOutcomes.slice(0, values.length), "outcomes");
      rejectWonBeyondAmounts(dealOutcomes, values.length);
    }
    return toNumber(averageDealSize(values, dealOutcomes), "the average deal size");
  } catch (error) {
    throw ratioFunctionError("KPI.AVGDEAL", error);
  }
}

/** Rejects outcomes beyond the last amount, unless they are blank (open), such as a longer range. */
function rejectWonBeyondAmounts(outcomes: readonly string[], amountCount: number): void {
  const extra = outcomes.findIndex((outcome, i) => i >= amountCount && outcome !== "open");
  if (extra >= 0) {
    throw new InvalidInputError(
      `outcomes has ${outcomes.length} values but amounts has ${amountCount}; ` +
        "select ranges of the same size, one value per deal in each.",
    );
  }
}

/** Spellings of the statistic argument of KPI.SALESCYCLE. */
const STATISTIC_CHOICES: readonly TextChoice<CycleStatistic>[] = [
  { value: "mean", aliases: ["average"] },
  { value: "median", aliases: [] },
];

/**
 * Computes the sales cycle length: mean or median days from created to closed, open deals excluded.
 * @customfunction KPI.SALESCYCLE
 * @param created Date each deal was created, one row or one column of dates.
 * @param closed Date each deal closed, as many as created; blank for an open deal, which is left out.
 * @param [statistic] Optional. "mean" or "median". Omit it for the mean.
 * @returns The cycle length in days (a fraction when the dates carry times of day).
 * @example =SPM.KPI.SALESCYCLE(B2:B200, C2:C200, "median")
 * @errors #VALUE! when a cell is not a date, the ranges differ in count, a close date precedes its created date, or statistic is unknown. When no deal is closed, #DIV/0! for the mean and #NUM! for the median, as Excel's AVERAGE and MEDIAN give.
 */
export function salesCycle(created: any[][], closed: any[][], statistic?: string): number {
  try {
    const createdDates = readDateCells(created, "created");
    const closedDates = readDateCells(closed, "closed");
    checkSameLength(createdDates, "created", closedDates, "closed");
    const kind = readOptionalChoice(statistic, "statistic", STATISTIC_CHOICES, "mean");
    return toNumber(salesCycleLength(createdDates, closedDates, kind), "the sales cycle length");
  } catch (error) {
    if (error instanceof EmptyMedianError) {
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber, error.message);
    }
    throw ratioFunctionError("KPI.SALESCYCLE", error);
  }
}

/**
 * Computes sales velocity: opportunities × win rate × average deal size ÷ cycle days.
 * @customfunction KPI.VELOCITY
 * @param opportunities Number of qualified opportunities in the pipeline, 0 or more.
 * @param win_rate Win rate as a percentage, 0% to 100% (25% or 0.25).
 * @param average_deal Average deal size in currency, 0 or more.
 * @param cycle_days Average sales cycle length in days, 0 or more.
 * @returns Revenue per day in currency.
 * @example =SPM.KPI.VELOCITY(18, 24%, 42000, 78)
 * @errors #VALUE! when a value is not a number, is negative, or win_rate is outside 0% to 100%; #DIV/0! when cycle_days is 0.
 */
export function velocity(
  opportunities: number,
  win_rate: any,
  average_deal: number,
  cycle_days: number,
): number {
  try {
    const count = readNumber(opportunities, "opportunities", NON_NEGATIVE);
    const rate = readPercent(win_rate, "win_rate");
    const deal = readNumber(average_deal, "average_deal", NON_NEGATIVE);
    const days = readNumber(cycle_days, "cycle_days", NON_NEGATIVE);
    return toNumber(salesVelocity(count, rate, deal, days), "the sales velocity");
  } catch (error) {
    throw ratioFunctionError("KPI.VELOCITY", error);
  }
}

/**
 * Computes pipeline coverage: open pipeline ÷ remaining quota (quota − closed to date).
 * @customfunction KPI.COVERAGE
 * @param open_pipeline Amount of the open pipeline in currency: one total, or a row or column of deal amounts that are added up.
 * @param quota Quota of the period in currency, above 0.
 * @param [closed_to_date] Optional. Amount already closed in the period, 0 or more. Omit it for 0.
 * @returns The coverage ratio, such as 3 for a pipeline three times the remaining quota.
 * @example =SPM.KPI.COVERAGE(C2:C80, 500000, 180000)
 * @errors #VALUE! when a value is not a number, quota is 0 or less, or closed_to_date is negative; #N/A when closed_to_date already reaches quota.
 */
export function coverage(open_pipeline: any[][], quota: number, closed_to_date?: number): number {
  try {
    const pipeline = readSeries(open_pipeline, "open_pipeline").reduce((a, b) => a + b, 0);
    const target = readNumber(quota, "quota");
    const closed = readOptionalNumber(closed_to_date, "closed_to_date", 0, NON_NEGATIVE);
    return toNumber(pipelineCoverage(pipeline, target, closed), "the pipeline coverage");
  } catch (error) {
    throw ratioFunctionError("KPI.COVERAGE", error);
  }
}

/**
 * Computes the weighted pipeline, Σ amount × probability, optionally for close dates in a period.
 * @customfunction FORECAST.PIPELINE
 * @param amounts Amount of each open deal in currency, one row or one column.
 * @param probabilities Probability of each deal (its stage's win probability), 0% to 100% (60% or 0.6), as many as amounts.
 * @param [close_dates] Optional. Expected close date of each deal, as many as amounts. Needed with period_start or period_end; a deal without a close date is then left out.
 * @param [period_start] Optional. First day of the period; deals closing earlier are left out. Omit it for no lower limit.
 * @param [period_end] Optional. Last day of the period (included); deals closing later are left out. Omit it for no upper limit.
 * @returns The weighted pipeline in currency.
 * @example =SPM.FORECAST.PIPELINE(C2:C80, D2:D80, E2:E80, DATE(2025,4,1), DATE(2025,6,30))
 * @errors #VALUE! when an amount is not a number, a probability is outside 0% to 100%, a cell of close_dates is not a date, the ranges differ in count, a period limit is given without close_dates, or period_end precedes period_start.
 */
export function pipeline(
  amounts: any[][],
  probabilities: any[][],
  close_dates?: any[][],
  period_start?: number,
  period_end?: number,
): number {
  try {
    const values = readSeries(amounts, "amounts");
    const weights = readPercentSeries(probabilities, "probabilities");
    checkSameLength(values, "amounts", weights, "probabilities");
    const dates = isBlank(close_dates) ? null : readDateCells(close_dates, "close_dates");
    // A longer close_dates is accepted, because readSeries drops the blank cells that end amounts.
    if (dates !== null && dates.length < values.length) {
      checkSameLength(values, "amounts", dates, "close_dates");
    }

    const start = readOptionalDate(period_start, "period_start");
    const end = readOptionalDate(period_end, "period_end");
    const limited = start !== null || end !== null;
    if (limited && dates === null) {
      throw new InvalidInputError(
        "close_dates is missing; give the close date of each deal to limit the pipeline to a period.",
      );
    }
    const period = limited ? { start: start ?? -Infinity, end: end ?? Infinity } : null;
    return toNumber(weightedPipeline(values, weights, dates, period), "the weighted pipeline");
  } catch (error) {
    throw ratioFunctionError("FORECAST.PIPELINE", error);
  }
}

/** Spellings of the forecast categories, as CRM systems name them. */
const CATEGORY_CHOICES: readonly TextChoice<ForecastCategory>[] = [
  { value: "closed", aliases: ["closed won", "won"] },
  { value: "commit", aliases: ["committed"] },
  { value: "best case", aliases: ["bestcase", "best-case", "upside"] },
  { value: "pipeline", aliases: ["open"] },
  { value: "omitted", aliases: ["omit", "lost", "closed lost"] },
];

/** Labels of the forecast categories in the roll-up table. */
const CATEGORY_LABELS: Record<(typeof FORECAST_CATEGORIES)[number], string> = {
  closed: "Closed",
  commit: "Commit",
  "best case": "Best case",
  pipeline: "Pipeline",
};

/**
 * Rolls deals up by forecast category: closed, commit, best case and pipeline.
 * @customfunction KPI.FORECASTROLLUP
 * @param amounts Amount of each deal in currency, one row or one column.
 * @param categories Forecast category of each deal, as many as amounts: "closed" (or "won"), "commit", "best case" (or "upside"), "pipeline", or "omitted" (or "lost"), which is left out. Blank cells are omitted.
 * @returns A table of four columns with a heading row (Category, Deals, Amount, Forecast) and one row each for Closed, Commit, Best case and Pipeline. Forecast is cumulative: commit includes closed, best case includes commit, pipeline includes best case.
 * @example =SPM.KPI.FORECASTROLLUP(C2:C80, F2:F80)
 * @errors #VALUE! when an amount is not a number, a category is not recognised, or the ranges differ in count.
 */
export function forecastRollup(amounts: any[][], categories: any[][]): any[][] {
  try {
    const values = readSeries(amounts, "amounts");
    const dealCategories = readChoiceCells(categories, "categories", CATEGORY_CHOICES, "omitted");
    checkSameLength(values, "amounts", dealCategories.slice(0, values.length), "categories");

    const rows = forecastCategoryRollup(values, dealCategories).map((total): ResultCell[] => [
      CATEGORY_LABELS[total.category],
      total.deals,
      total.amount,
      total.cumulative,
    ]);
    return toTable([["Category", "Deals", "Amount", "Forecast"], ...rows], "the roll-up");
  } catch (error) {
    throw ratioFunctionError("KPI.FORECASTROLLUP", error);
  }
}

/**
 * Forecasts the period at its run rate: amount to date ÷ elapsed share of the period.
 * @customfunction FORECAST.RUNRATE
 * @param amount_to_date Amount achieved so far in the period, in currency or units.
 * @param elapsed_share Share of the period that has passed, 0% to 100% (40% or 0.4), such as elapsed working days ÷ working days in the period.
 * @returns The amount expected by the end of the period if the pace so far continues.
 * @example =SPM.FORECAST.RUNRATE(C2, 12/21)
 * @errors #VALUE! when a value is not a number or elapsed_share is outside 0% to 100%; #DIV/0! when elapsed_share is 0.
 */
export function runRate(amount_to_date: number, elapsed_share: any): number {
  try {
    const amount = readNumber(amount_to_date, "amount_to_date");
    const share = readPercent(elapsed_share, "elapsed_share");
    return toNumber(runRateForecast(amount, share), "the run-rate forecast");
  } catch (error) {
    throw ratioFunctionError("FORECAST.RUNRATE", error);
  }
}

/** Comparisons of KPI.GROWTH. */
type GrowthComparison = "period" | "year";

const COMPARISON_CHOICES: readonly TextChoice<GrowthComparison>[] = [
  { value: "period", aliases: ["pop", "mom", "previous"] },
  { value: "year", aliases: ["yoy"] },
];

/** Periods per year when values are monthly. */
const MONTHS_PER_YEAR = 12;

/**
 * Computes the growth of each period over the previous period or the same period a year earlier.
 * @customfunction KPI.GROWTH
 * @param values Values in time order, one row or one column, such as monthly sales.
 * @param [comparison] Optional. "period" for growth over the previous period, "year" for growth over the same period a year earlier. Omit it for period.
 * @param [periods_per_year] Optional. Number of periods in a year, used by "year": 12 for months, 4 for quarters, 52 for weeks. Omit it for 12.
 * @returns A column with one value per period: (current − earlier) ÷ |earlier| as a fraction, which is current ÷ earlier − 1 when earlier is above 0. Periods without an earlier value, or whose earlier value is 0, show "".
 * @example =SPM.KPI.GROWTH(B2:B37, "year")
 * @errors #VALUE! when a cell is not a number, comparison is unknown, or periods_per_year is not a whole number of 1 or more.
 */
export function growth(values: any[][], comparison?: string, periods_per_year?: number): any[][] {
  try {
    const series = readSeries(values, "values");
    const kind = readOptionalChoice(comparison, "comparison", COMPARISON_CHOICES, "period");
    const perYear = readOptionalPositiveInteger(
      periods_per_year,
      "periods_per_year",
      MONTHS_PER_YEAR,
    );
    const lag = kind === "year" ? perYear : 1;
    return growthColumn(series, lag);
  } catch (error) {
    throw ratioFunctionError("KPI.GROWTH", error);
  }
}

/**
 * Spills the growth of each period as a column, with "" where a period has no earlier value to
 * compare with. It takes one rate at a time, because an array of rates and gaps would box each
 * rate in a long range.
 */
function growthColumn(series: readonly number[], lag: number): ResultCell[][] {
  const column = new Array<ResultCell[]>(series.length);
  for (let t = 0; t < series.length; t++) {
    column[t] = toColumnRow(growthAt(series, t, lag), "the growth", t);
  }
  return column;
}

/**
 * Computes the compound annual growth rate (CAGR): (end ÷ begin)^(1 ÷ years) − 1.
 * @customfunction KPI.CAGR
 * @param begin_value Value at the start, above 0.
 * @param end_value Value at the end, 0 or more.
 * @param years Number of years between them, above 0 (fractions allowed, such as 2.5).
 * @returns The yearly growth rate as a fraction, as Excel's RRI(years, begin_value, end_value).
 * @example =SPM.KPI.CAGR(1200000, 1650000, 3)
 * @errors #VALUE! when a value is not a number, begin_value is 0 or less, end_value is negative, or years is 0 or less.
 */
export function cagr(begin_value: number, end_value: number, years: number): number {
  try {
    const begin = readNumber(begin_value, "begin_value");
    const end = readNumber(end_value, "end_value");
    const span = readNumber(years, "years", POSITIVE);
    return toNumber(compoundAnnualGrowth(begin, end, span), "the CAGR");
  } catch (error) {
    throw ratioFunctionError("KPI.CAGR", error);
  }
}

/**
 * Computes the customer churn rate: customers lost in the period ÷ customers at its start.
 * @customfunction KPI.CHURN
 * @param customers_start Number of customers at the start of the period, 0 or more.
 * @param customers_lost Number of those customers lost during the period, 0 or more.
 * @returns The churn rate as a fraction, such as 0.04 for 4 %.
 * @example =SPM.KPI.CHURN(500, 20)
 * @errors #VALUE! when a count is not a whole number of 0 or more, or customers_lost exceeds customers_start; #DIV/0! when customers_start is 0.
 */
export function churn(customers_start: number, customers_lost: number): number {
  try {
    const start = readNumber(customers_start, "customers_start", NON_NEGATIVE_WHOLE);
    const lost = readNumber(customers_lost, "customers_lost", NON_NEGATIVE_WHOLE);
    return toNumber(customerChurnRate(start, lost), "the churn rate");
  } catch (error) {
    throw ratioFunctionError("KPI.CHURN", error);
  }
}

/** Reads a revenue movement: an amount in currency of 0 or more. */
function readMovement(value: unknown, name: string): number {
  return readNumber(value, name, NON_NEGATIVE);
}

/**
 * Computes net revenue retention: (start + expansion − contraction − churned) ÷ start.
 * @customfunction KPI.NRR
 * @param start_revenue Recurring revenue of the existing customers at the start of the period, 0 or more.
 * @param expansion Revenue gained from those customers (upsell, cross-sell), 0 or more.
 * @param contraction Revenue lost from customers who stayed but pay less, 0 or more.
 * @param churned Revenue lost from customers who left, 0 or more.
 * @returns Net revenue retention as a fraction, such as 1.05 for 105 %. New customers are not part of it.
 * @example =SPM.KPI.NRR(200000, 20000, 4000, 6000)
 * @errors #VALUE! when a value is not a number, is negative, or contraction + churned exceeds start_revenue; #DIV/0! when start_revenue is 0.
 */
export function nrr(
  start_revenue: number,
  expansion: number,
  contraction: number,
  churned: number,
): number {
  try {
    const start = readMovement(start_revenue, "start_revenue");
    const gained = readMovement(expansion, "expansion");
    const lost = readMovement(contraction, "contraction");
    const left = readMovement(churned, "churned");
    return toNumber(netRevenueRetention(start, gained, lost, left), "the net revenue retention");
  } catch (error) {
    throw ratioFunctionError("KPI.NRR", error);
  }
}

/**
 * Computes gross revenue retention: (start − contraction − churned) ÷ start.
 * @customfunction KPI.GRR
 * @param start_revenue Recurring revenue of the existing customers at the start of the period, 0 or more.
 * @param contraction Revenue lost from customers who stayed but pay less, 0 or more.
 * @param churned Revenue lost from customers who left, 0 or more.
 * @returns Gross revenue retention as a fraction from 0 to 1; expansion does not count.
 * @example =SPM.KPI.GRR(200000, 4000, 6000)
 * @errors #VALUE! when a value is not a number, is negative, or contraction + churned exceeds start_revenue; #DIV/0! when start_revenue is 0.
 */
export function grr(start_revenue: number, contraction: number, churned: number): number {
  try {
    const start = readMovement(start_revenue, "start_revenue");
    const lost = readMovement(contraction, "contraction");
    const left = readMovement(churned, "churned");
    return toNumber(grossRevenueRetention(start, lost, left), "the gross revenue retention");
  } catch (error) {
    throw ratioFunctionError("KPI.GRR", error);
  }
}

/** Largest attainment cap accepted, 1000 %. */
const MAX_ATTAINMENT_CAP = 10;

const ATTAINMENT_CAP_RANGE: Readonly<PercentRange> = Object.freeze({ max: MAX_ATTAINMENT_CAP });

/** Spellings of the direction of a metric in the directions argument of KPI.SCORE. */
const DIRECTION_CHOICES: readonly TextChoice<MetricDirection>[] = [
  { value: "higher", aliases: [] },
  { value: "lower", aliases: [] },
];

/**
 * Reads the direction of each metric, one cell per metric, where a blank cell is "higher". Blank
 * cells past the last metric are dropped, as readSeries drops them from actuals, so both ranges
 * may be selected with the same empty rows at the end. Desktop Excel passes a blank cell as 0.
 */
function readDirections(value: unknown, metricCount: number): MetricDirection[] {
  const cells = readVector(value, "directions");
  let length = cells.length;
  while (length > metricCount && (isBlank(cells[length - 1]) || cells[length - 1] === 0)) {
    length--;
  }
  return readChoiceCells(cells.slice(0, length), "directions", DIRECTION_CHOICES, "higher");
}

/**
 * Computes an employee's weighted score from actuals, targets and weights of their metrics.
 * @customfunction KPI.SCORE
 * @param actuals Actual value of each metric, one row or one column.
 * @param targets Target of each metric, as many as actuals, none 0.
 * @param weights Weight of each metric, as many as actuals, 0 or more (40%, 0.4 or 40 alike: weights count relative to their sum).
 * @param [cap] Optional. Largest attainment a metric counts with, such as 150% (or 1.5), so one metric cannot make up for the others without limit. Omit it for no cap.
 * @param [directions] Optional. "higher" or "lower" for each metric, as many as actuals (any case; blank is "higher"). A lower-is-better metric, such as cost-of-sales ratio, days sales outstanding or sales cycle days, attains target ÷ actual: 80 days against a target of 100 days is 125 %. Its actual of 0 is the best possible result and counts as the cap, so give a cap when such an actual can occur. Omit it when every metric is higher-is-better.
 * @returns The score as a fraction: Σ weight × min(attainment, cap) ÷ Σ weight, where attainment is actual ÷ target (target ÷ actual for a lower-is-better metric), such as 1.02 for 102 %.
 * @example =SPM.KPI.SCORE(C2:C6, B2:B6, D2:D6, 120%, E2:E6)
 * @errors #VALUE! when a cell is not a number, the ranges differ in count, a target is 0, a weight is negative, all weights are 0, or cap is outside 0% to 1000%. #VALUE! also when a direction is not "higher" or "lower", a lower-is-better metric has a negative target or actual, or its actual is 0 and cap is omitted.
 */
export function score(
  actuals: any[][],
  targets: any[][],
  weights: any[][],
  cap?: any,
  directions?: any[][],
): number {
  try {
    const actual = readSeries(actuals, "actuals");
    const target = readSeries(targets, "targets");
    const weight = readSeries(weights, "weights");
    checkSameLength(actual, "actuals", target, "targets");
    checkSameLength(actual, "actuals", weight, "weights");
    const limit = readOptionalPercent(cap, "cap", null, ATTAINMENT_CAP_RANGE);
    const direction = isBlank(directions) ? undefined : readDirections(directions, actual.length);
    if (direction !== undefined) {
      checkSameLength(actual, "actuals", direction, "directions");
    }
    const input = { actuals: actual, targets: target, weights: weight, cap: limit };
    return toNumber(weightedScore({ ...input, directions: direction }), "the score");
  } catch (error) {
    throw ratioFunctionError("KPI.SCORE", error);
  }
}

/** Default band edges of KPI.SCORESUMMARY: below 80 %, 80-100 %, 100-120 %, 120 % and above. */
const DEFAULT_BAND_EDGES = [0.8, 1, 1.2];

/** Formats a fraction as a percentage label, such as 0.8 as "80%". */
function percentLabel(fraction: number): string {
  return `${Number((fraction * 100).toPrecision(12))}%`;
}

/** Returns the label of each band, such as "< 80%", "80% to < 100%" and ">= 120%". */
function bandLabels(edges: readonly number[]): string[] {
  const labels = [`< ${percentLabel(edges[0])}`];
  for (let i = 1; i < edges.length; i++) {
    labels.push(`${percentLabel(edges[i - 1])} to < ${percentLabel(edges[i])}`);
  }
  labels.push(`>= ${percentLabel(edges[edges.length - 1])}`);
  return labels;
}

/**
 * Summarises the scores of a department: count, mean, median, minimum, maximum and people per band.
 * @customfunction KPI.SCORESUMMARY
 * @param scores Score or attainment of each person as a fraction (1 is 100 %), one row or one column.
 * @param [bands] Optional. Band edges from lowest to highest, such as 80%, 100%, 120%. Omit it for 80%, 100% and 120%.
 * @returns A table of three columns (label, value, share of people) with a heading row. The rows Count, Mean, Median, Min and Max come first, with the share "". Then each band ("< 80%", "80% to < 100%", ..., ">= 120%") has a row with its number of people and their share as a fraction.
 * @example =SPM.KPI.SCORESUMMARY(E2:E40, {0.8,1,1.2})
 * @errors #VALUE! when a cell is not a number or the band edges are not ascending; #N/A when scores is empty.
 */
export function scoreSummary(scores: any[][], bands?: any[][]): any[][] {
  try {
    const values = readSeries(scores, "scores");
    const edges = readOptionalSeries(bands, "bands") ?? DEFAULT_BAND_EDGES;
    const summary = summarizeScores(values, edges);

    const rows: ResultCell[][] = [
      ["Statistic", "Value", "Share"],
      ["Count", summary.count, ""],
      ["Mean", summary.mean, ""],
      ["Median", summary.median, ""],
      ["Min", summary.min, ""],
      ["Max", summary.max, ""],
    ];
    bandLabels(edges).forEach((label, i) => {
      const people = summary.bandCounts[i];
      rows.push([label, people, people / summary.count]);
    });
    return toTable(rows, "the score summary");
  } catch (error) {
    throw ratioFunctionError("KPI.SCORESUMMARY", error);
  }
}

/**
 * True when a range argument has more than one cell, so it is a range of flags. A block of
 * several rows and columns is rejected with the argument's `name`.
 */
function isRange(value: unknown, name: string): boolean {
  return readVector(value, name).length > 1;
}

/**
 * Computes numeric distribution: outlets stocking ÷ all outlets × 100, from counts or from yes/no flags.
 * @customfunction KPI.NUMERICDIST
 * @param stocking Number of outlets stocking the product, or a row or column with one flag per outlet (TRUE or FALSE, 1 or 0, yes or no).
 * @param [outlets] Optional. Number of outlets in the universe, needed when stocking is a count. Omit it when stocking is a range of flags.
 * @returns The numeric distribution in index points from 0 to 100.
 * @example =SPM.KPI.NUMERICDIST(C2:C120)
 * @errors #VALUE! when a count is negative or not a whole number, stocking exceeds outlets, a flag is not recognised, or outlets is omitted with a single count; #DIV/0! when outlets is 0.
 */
export function numericDist(stocking: any[][], outlets?: number): number {
  try {
    if (isBlank(outlets)) {
      if (!isRange(stocking, "stocking")) {
        throw new InvalidInputError(
          "outlets is missing; give the number of outlets, or give stocking as a range of flags.",
        );
      }
      return toNumber(
        numericDistributionOfFlags(readFlags(stocking, "stocking")),
        "the distribution",
      );
    }
    const count = readNumber(stocking, "stocking", NON_NEGATIVE_WHOLE);
    const universe = readNumber(outlets, "outlets", NON_NEGATIVE_WHOLE);
    return toNumber(numericDistribution(count, universe), "the numeric distribution");
  } catch (error) {
    throw ratioFunctionError("KPI.NUMERICDIST", error);
  }
}

/**
 * Computes weighted distribution (ACV or PCV): turnover of the stocking outlets ÷ turnover of all outlets × 100.
 * @customfunction KPI.WEIGHTEDDIST
 * @param stocking One flag per outlet, one row or one column: TRUE or FALSE, 1 or 0, yes or no.
 * @param turnover Turnover of each outlet, as many as stocking, 0 or more: all-commodity turnover for ACV distribution, turnover in the product category for PCV distribution.
 * @returns The weighted distribution in index points from 0 to 100.
 * @example =SPM.KPI.WEIGHTEDDIST(C2:C120, D2:D120)
 * @errors #VALUE! when a flag is not recognised, a turnover is not a number or is negative, or the ranges differ in count; #DIV/0! when the total turnover is 0.
 */
export function weightedDist(stocking: any[][], turnover: any[][]): number {
  try {
    const flags = readFlags(stocking, "stocking");
    const volumes = readSeries(turnover, "turnover");
    checkSameLength(flags, "stocking", volumes, "turnover");
    return toNumber(weightedDistribution(flags, volumes), "the weighted distribution");
  } catch (error) {
    throw ratioFunctionError("KPI.WEIGHTEDDIST", error);
  }
}

/**
 * Computes share of shelf: the brand's facings (or shelf length) ÷ those of the whole category.
 * @customfunction KPI.SHELFSHARE
 * @param brand_facings Facings or shelf length of the brand, 0 or more.
 * @param total_facings Facings or shelf length of the whole category in the same unit, 0 or more.
 * @returns The share of shelf as a fraction, such as 0.3 for 30 %.
 * @example =SPM.KPI.SHELFSHARE(12, 40)
 * @errors #VALUE! when a value is not a number, is negative, or brand_facings exceeds total_facings; #DIV/0! when total_facings is 0.
 */
export function shelfShare(brand_facings: number, total_facings: number): number {
  try {
    const brand = readNumber(brand_facings, "brand_facings", NON_NEGATIVE);
    const total = readNumber(total_facings, "total_facings", NON_NEGATIVE);
    return toNumber(shareOfShelf(brand, total), "the share of shelf");
  } catch (error) {
    throw ratioFunctionError("KPI.SHELFSHARE", error);
  }
}

/**
 * Computes the out-of-stock rate: store checks that found the product missing ÷ all checks.
 * @customfunction KPI.OOSRATE
 * @param out_of_stock Number of checks that found the product out of stock, or a row or column with one flag per check (TRUE or yes: out of stock).
 * @param [checks] Optional. Number of checks, needed when out_of_stock is a count. Omit it when out_of_stock is a range of flags.
 * @returns The out-of-stock rate as a fraction, such as 0.08 for 8 %.
 * @example =SPM.KPI.OOSRATE(D2:D300)
 * @errors #VALUE! when a count is negative or not a whole number, out_of_stock exceeds checks, a flag is not recognised, or checks is omitted with a single count; #DIV/0! when checks is 0.
 */
export function oosRate(out_of_stock: any[][], checks?: number): number {
  try {
    if (isBlank(checks)) {
      if (!isRange(out_of_stock, "out_of_stock")) {
        throw new InvalidInputError(
          "checks is missing; give the number of checks, or give out_of_stock as a range of flags.",
        );
      }
      const flags = readFlags(out_of_stock, "out_of_stock");
      return toNumber(outOfStockRateOfFlags(flags), "the out-of-stock rate");
    }
    const count = readNumber(out_of_stock, "out_of_stock", NON_NEGATIVE_WHOLE);
    const total = readNumber(checks, "checks", NON_NEGATIVE_WHOLE);
    return toNumber(outOfStockRate(count, total), "the out-of-stock rate");
  } catch (error) {
    throw ratioFunctionError("KPI.OOSRATE", error);
  }
}

/**
 * Computes promotion uplift against a baseline forecast: actual ÷ baseline − 1.
 * @customfunction KPI.UPLIFT
 * @param actual Actual sales during the promotion: one value, or a row or column of periods that are added up.
 * @param baseline Baseline forecast of sales without the promotion for the same periods, as many as actual.
 * @returns The uplift as a fraction of the baseline, such as 0.25 for 25 % more than the baseline.
 * @example =SPM.KPI.UPLIFT(C2:C5, SPM.FORECAST.SES(B2:B49, 4))
 * @errors #VALUE! when a cell is not a number or the ranges differ in count; #DIV/0! when the baseline adds up to 0.
 */
export function uplift(actual: any[][], baseline: any[][]): number {
  try {
    const sales = readSeries(actual, "actual");
    const expected = readSeries(baseline, "baseline");
    checkSameLength(sales, "actual", expected, "baseline");
    return toNumber(promotionUplift(sales, expected), "the uplift");
  } catch (error) {
    throw ratioFunctionError("KPI.UPLIFT", error);
  }
}
