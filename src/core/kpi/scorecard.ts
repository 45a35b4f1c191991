/**
 * Employee scorecard: a weighted score from each metric's attainment, and a summary of the
 * scores of a department. Attainments and scores are fractions (1 is 100 % of target).
 */
import { InsufficientDataError, InvalidInputError } from "../errors";
import { median } from "./salesCycle";

/** Whether a metric is better when higher, such as revenue, or lower, such as cost ratio. */
export type MetricDirection = "higher" | "lower";

/** Metrics of one person: actual, target and weight of each metric, in the same order. */
export interface ScorecardInput {
  actuals: readonly number[];
  targets: readonly number[];
  weights: readonly number[];
  /** Largest attainment a metric may count with, such as 1.5 for 150 %; null for no cap. */
  cap: number | null;
  /** Direction of each metric, as many as actuals. Without it, every metric is higher-is-better. */
  directions?: readonly MetricDirection[];
}

/**
 * Returns the attainment of a lower-is-better metric, target ÷ actual: 80 days of days sales
 * outstanding against a target of 100 days is 1.25. An actual of 0 is the best possible result,
 * so its attainment is the cap. Without a cap it is rejected, because target ÷ 0 has no limit.
 */
function lowerIsBetterAttainment(
  actual: number,
  target: number,
  cap: number | null,
  position: number,
): number {
  if (target < 0 || actual < 0) {
    const [name, value] = target < 0 ? ["targets", target] : ["actuals", actual];
    throw new InvalidInputError(
      `${name}: cell ${position} is ${value} on a lower-is-better metric; target ÷ actual ` +
        "needs a target above 0 and an actual of 0 or more.",
    );
  }
  if (actual === 0) {
    if (cap === null) {
      throw new InvalidInputError(
        `actuals: cell ${position} is 0 on a lower-is-better metric, so its attainment ` +
          "target ÷ actual has no upper limit; give a cap, such as 150%.",
      );
    }
    return cap;
  }
  return target / actual;
}

/**
 * Returns each metric's attainment, limited to the cap: actual ÷ target for a higher-is-better
 * metric, target ÷ actual for a lower-is-better one.
 */
export function metricAttainments(input: ScorecardInput): number[] {
  const { actuals, targets, cap, directions } = input;
  const attainments = new Array<number>(actuals.length);
  for (let i = 0; i < actuals.length; i++) {
    const actual = actuals[i];
    const target = targets[i];
    if (target === 0) {
      throw new InvalidInputError(
        `targets: cell ${i + 1} is 0, so the metric has no attainment; give a target other than 0.`,
      );
    }
    const attainment =
      directions?.[i] === "lower"
        ? lowerIsBetterAttainment(actual, target, cap, i + 1)
        : actual / target;
    attainments[i] = cap === null ? attainment : Math.min(attainment, cap);
  }
  return attainments;
}

/**
 * Computes the weighted score: Σ weightᵢ × attainmentᵢ ÷ Σ weightᵢ. Weights need not add up to 1
 * or 100 %; they count relative to their sum.
 */
export function weightedScore(input: ScorecardInput): number {
  const attainments = metricAttainments(input);

  let weighted = 0;
  let totalWeight = 0;
  const { weights } = input;
  for (let i = 0; i < weights.length; i++) {
    const weight = weights[i];
    if (weight < 0) {
      throw new InvalidInputError(`weights: cell ${i + 1} is ${weight}; weights are 0 or more.`);
    }
    weighted += weight * attainments[i];
    totalWeight += weight;
  }
  if (totalWeight === 0) {
    throw new InvalidInputError("weights are all 0; give each metric a weight, such as 40%.");
  }
  return weighted / totalWeight;
}

/** Statistics of the scores of a group of people. */
export interface ScoreSummary {
  count: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  /** People per band: below the first edge, between consecutive edges, at or above the last. */
  bandCounts: number[];
}

/** Checks that band edges are strictly ascending. */
function checkBandEdges(edges: readonly number[]): void {
  edges.forEach((edge, i) => {
    if (i > 0 && edge <= edges[i - 1]) {
      throw new InvalidInputError(
        `bands: cell ${i + 1} (${edge}) is not above cell ${i} (${edges[i - 1]}); ` +
          "list the band edges from lowest to highest, each once.",
      );
    }
  });
}

/** Returns the band of `score`: 0 below the first edge, k when at or above edge k. */
function bandIndex(score: number, edges: readonly number[]): number {
  let band = 0;
  while (band < edges.length && score >= edges[band]) {
    band++;
  }
  return band;
}

/** Summarises the scores of a department: count, mean, median, min, max and band counts. */
export function summarizeScores(scores: readonly number[], edges: readonly number[]): ScoreSummary {
  if (scores.length === 0) {
    throw new InsufficientDataError("scores has no values; select the scores of the people.");
  }
  checkBandEdges(edges);

  const bandCounts = new Array<number>(edges.length + 1).fill(0);
  for (const score of scores) {
    bandCounts[bandIndex(score, edges)]++;
  }
  return {
    count: scores.length,
    mean: scores.reduce((total, score) => total + score, 0) / scores.length,
    median: median(scores),
    min: Math.min(...scores),
    max: Math.max(...scores),
    bandCounts,
  };
}
