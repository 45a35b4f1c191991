import { minimizeNelderMead, Minimum } from "./nelderMead";
import { copyStates, runSmoothing, SmoothingStates, SmoothingWeights } from "./smoothingRecursion";

/** Name of a smoothing parameter the optimiser can choose. */
export type WeightName = keyof SmoothingWeights;

/** A parameter to choose and its bounds. */
export interface FreeWeight {
  name: WeightName;
  lower: number;
  upper: number;
}

/** Bounds of phi when it is estimated, as R's `forecast::ets` uses for a damped trend. */
export const PHI_LOWER = 0.8;
export const PHI_UPPER = 0.98;

// Nelder-Mead stops when the SSE values of its simplex agree to this fraction. Fits must come
// within 0.1 % of the SSE R reaches, so 1e-10 leaves ample margin at little cost.
const RELATIVE_TOLERANCE = 1e-10;
const EVALUATIONS_PER_DIMENSION = 400;

// Starts of the local searches: the best points of a coarse grid over the box. The grid guards
// against the local minima that a single start (R uses 0.3, 0.1, 0.1) often lands in. With one
// free parameter the 21-point grid already brackets the minimum, so one start is enough.
const STARTS = 3;
const STARTS_ONE_PARAMETER = 1;

/**
 * Chooses the free smoothing parameters that minimise the sum of squared one-step errors, with
 * the fixed ones held at their values in `fixed`. Returns the weights with the chosen values.
 *
 * The search evaluates a grid over the box, runs a bounded Nelder-Mead from the best grid
 * points, and restarts once from the best result so a collapsed simplex cannot stop it early.
 */
export function optimizeWeights(
  y: readonly number[],
  multiplicative: boolean,
  fixed: SmoothingWeights,
  free: readonly FreeWeight[],
  initial: SmoothingStates,
): SmoothingWeights {
  if (free.length === 0) {
    return { ...fixed };
  }

  const objective = makeObjective(y, multiplicative, fixed, free, initial);
  const startCount = free.length === 1 ? STARTS_ONE_PARAMETER : STARTS;
  const starts = bestGridPoints(objective, free, startCount);
  const lower = free.map(() => 0);
  const upper = free.map(() => 1);
  const search = (start: number[], stepFraction: number): Minimum =>
    minimizeNelderMead(objective, start, {
      lower,
      upper,
      step: free.map(() => stepFraction),
      relativeTolerance: RELATIVE_TOLERANCE,
      maxEvaluations: EVALUATIONS_PER_DIMENSION * free.length,
    });

  let best: Minimum = { point: starts[0].point, value: starts[0].value };
  for (const start of starts) {
    const result = search(start.point, 0.1);
    if (result.value < best.value) {
      best = result;
    }
  }
  const polished = search(best.point, 0.02);
  if (polished.value < best.value) {
    best = polished;
  }

  return withFree(fixed, free, best.point);
}

/** SSE as a function of the free parameters; a non-finite SSE counts as +Infinity. */
function makeObjective(
  y: readonly number[],
  multiplicative: boolean,
  fixed: SmoothingWeights,
  free: readonly FreeWeight[],
  initial: SmoothingStates,
): (point: number[]) => number {
  const weights: SmoothingWeights = { ...fixed };
  const states = copyStates(initial);
  return (point: number[]): number => {
    for (let i = 0; i < free.length; i++) {
      weights[free[i].name] = toWeight(free[i], point[i]);
    }
    states.level = initial.level;
    states.trend = initial.trend;
    states.seasonal.set(initial.seasonal);
    const sse = runSmoothing(y, multiplicative, weights, states, null);
    return Number.isFinite(sse) ? sse : Infinity;
  };
}

/** Evaluates a grid over the box and returns its `count` best points, best first. */
function bestGridPoints(
  objective: (point: number[]) => number,
  free: readonly FreeWeight[],
  count: number,
): Minimum[] {
  const axes = free.map((w) => gridAxis(w, free.length));
  const results: Minimum[] = [];
  const visit = (prefix: number[]): void => {
    if (prefix.length === axes.length) {
      results.push({ point: prefix, value: objective(prefix) });
      return;
    }
    for (const value of axes[prefix.length]) {
      visit([...prefix, value]);
    }
  };
  visit([]);
  results.sort((a, b) => a.value - b.value);
  return results.slice(0, count);
}

/** Grid values of one parameter: finer when fewer parameters are free, 3 values for phi. */
function gridAxis(weight: FreeWeight, dimension: number): number[] {
  let intervals = 4;
  if (weight.name === "phi") {
    intervals = 2;
  } else if (dimension === 1) {
    intervals = 20;
  } else if (dimension === 2) {
    intervals = 8;
  }
  const axis: number[] = [];
  for (let k = 0; k <= intervals; k++) {
    axis.push(k / intervals);
  }
  return axis;
}

/**
 * Maps a search coordinate u in [0, 1] to a parameter value: lower + (upper - lower) u² for a
 * smoothing parameter, linear in u for phi. The square spreads the region near 0, where seasonal
 * fits of monthly sales often have their minimum (alpha ≈ 0.002 with beta ≈ 0.3).
 */
function toWeight(weight: FreeWeight, u: number): number {
  const scaled = weight.name === "phi" ? u : u * u;
  return weight.lower + (weight.upper - weight.lower) * scaled;
}

function withFree(
  fixed: SmoothingWeights,
  free: readonly FreeWeight[],
  point: readonly number[],
): SmoothingWeights {
  const weights = { ...fixed };
  free.forEach((w, i) => {
    weights[w.name] = toWeight(w, point[i]);
  });
  return weights;
}
