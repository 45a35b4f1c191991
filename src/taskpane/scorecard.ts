/**
 * Scorecards of the task pane: for each period, the weighted score of a subject's targets that
 * have an actual, computed as `SPM.KPI.SCORE` computes it (higher is better, no cap).
 */
import { InvalidInputError } from "../core/errors";
import { weightedScore } from "../core/kpi/scorecard";
import { Target } from "../model";

/** Weight of a target whose weight is blank. */
const DEFAULT_WEIGHT = 1;

/** The score of one period, or why it has none. */
export interface PeriodScore {
  period: string;
  /** Targets of the period with an actual. */
  metrics: number;
  /** Weighted attainment as a fraction (1 is 100 %), when it can be computed. */
  score?: number;
  /** Reason the score cannot be computed, such as a target of 0. */
  problem?: string;
}

/** Returns the attainment of one target as a fraction, or undefined without an actual or target. */
export function targetAttainment(target: Target): number | undefined {
  if (target.actual === undefined || target.value === 0) {
    return undefined;
  }
  return target.actual / target.value;
}

/** Computes the weighted score of each period that has at least one target with an actual. */
export function scoresByPeriod(targets: readonly Target[]): PeriodScore[] {
  const periods = new Map<string, Target[]>();
  for (const target of targets) {
    if (target.actual !== undefined) {
      periods.set(target.period, [...(periods.get(target.period) ?? []), target]);
    }
  }
  return [...periods.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([period, scored]) => periodScore(period, scored));
}

function periodScore(period: string, scored: readonly Target[]): PeriodScore {
  try {
    const score = weightedScore({
      actuals: scored.map((target) => target.actual ?? 0),
      targets: scored.map((target) => target.value),
      weights: scored.map((target) => target.weight ?? DEFAULT_WEIGHT),
      cap: null,
    });
    return { period, metrics: scored.length, score };
  } catch (error) {
    if (error instanceof InvalidInputError) {
      return { period, metrics: scored.length, problem: scoreProblem(error.message) };
    }
    throw error;
  }
}

/** Turns the scorecard function's message about cells into one about targets. */
function scoreProblem(message: string): string {
  if (message.startsWith("weights are all 0")) {
    return "Every weight is 0; give at least one target a weight.";
  }
  return "A target of 0 has no attainment; change its value or remove it.";
}
