import { isWithinBounds, PHI_LOWER, PHI_UPPER, SMOOTHING_LOWER, SMOOTHING_UPPER } from "./bounds";
import { heuristicInitialStates, InitialStates } from "./initialization";
import { EtsModel } from "./model";
import { RecursionResult, runRecursion, SmoothingParameters, StateVector } from "./recursion";
import { minimizeSimplex } from "./simplex";

/** Parameters and initial states that maximise the likelihood of one model. */
export interface Estimate {
  parameters: SmoothingParameters;
  initial: InitialStates;
  /** Number of estimated parameters: smoothing parameters and free initial states. */
  parameterCount: number;
}

// The search stops when the criterion (-2 log L) varies by at most this across the simplex, far
// below the differences of 0.1 or more that decide between models by AICc.
const CRITERION_TOLERANCE = 1e-7;

// A restart from the best point rebuilds a simplex that has collapsed along some coordinate,
// which happens often with 10 or more parameters. A restart that improves the criterion by
// less than this ends the search.
const RESTART_GAIN = 1e-4;

// The criterion of a perfect fit is -Infinity. R's forecast (8.20) floors it at this value, so
// the optimiser still compares trial points and a model still gets a finite AICc.
const MIN_CRITERION = -1e10;

/** Positions of the parameters in the vector the optimiser searches. */
interface Layout {
  beta: number;
  gamma: number;
  phi: number;
  level: number;
  trend: number;
  /** Position of the index of period 2; periods 2 … m are free, period 1 makes them sum to m or 0. */
  seasonal: number;
  size: number;
}

/** Number of estimated parameters of `model` with season length `m`, as R counts them. */
export function countParameters(model: EtsModel, m: number): number {
  return parameterLayout(model, m).size;
}

function parameterLayout(model: EtsModel, m: number): Layout {
  let size = 1;
  const next = (present: boolean): number => (present ? size++ : -1);
  const beta = next(model.trend !== "N");
  const gamma = next(model.season !== "N");
  const phi = next(model.trend === "Ad");
  const level = next(true);
  const trend = next(model.trend !== "N");
  const seasonal = model.season === "N" ? -1 : size;
  if (model.season !== "N") {
    size += m - 1;
  }
  return { beta, gamma, phi, level, trend, seasonal, size };
}

/** A likelihood search of one model that can be continued with a larger budget. */
export interface ModelSearch {
  model: EtsModel;
  m: number;
  objective: (point: Float64Array) => number;
  layout: Layout;
  step: Float64Array;
  /** Best point so far and its criterion. */
  point: Float64Array;
  criterion: number;
  /** Evaluations of the criterion so far. */
  evaluations: number;
}

/**
 * Starts the maximum likelihood estimation of the smoothing parameters and initial states of
 * `model` on `y`, as R's forecast::ets does: the criterion n·log(Σe²) (+ 2·Σ log|ŷ| for a
 * multiplicative error) is minimised by Nelder-Mead inside the usual and admissible bounds.
 * The search starts from R's initial parameters (forecast:::initparam, 8.20) and heuristic
 * initial states. `m` is 1 without a season. Call `continueSearch` to run it.
 */
export function startSearch(y: Float64Array, model: EtsModel, m: number): ModelSearch {
  const layout = parameterLayout(model, m);
  const point = startingPoint(y, model, m, layout);
  const objective = makeObjective(y, model, m, layout);
  return {
    model,
    m,
    objective,
    layout,
    step: stepSizes(y, model, m, layout, point),
    point,
    criterion: objective(point),
    evaluations: 1,
  };
}

/**
 * Runs Nelder-Mead from the search's best point with at most `evaluationsPerParameter` times
 * the number of parameters evaluations per run, and restarts from the best point up to
 * `restarts` times while a restart still gains.
 */
export function continueSearch(
  search: ModelSearch,
  evaluationsPerParameter: number,
  restarts: number,
): void {
  const options = {
    step: search.step,
    tolerance: CRITERION_TOLERANCE,
    maxEvaluations: evaluationsPerParameter * search.layout.size,
  };
  for (let run = 0; run <= restarts; run++) {
    const result = minimizeSimplex(search.objective, search.point, options);
    search.evaluations += result.evaluations;
    const gain = search.criterion - result.value;
    if (result.value < search.criterion) {
      search.point = result.point;
      search.criterion = result.value;
    }
    if (!(gain > RESTART_GAIN)) {
      break;
    }
  }
}

/** Reads the parameters and initial states at the search's best point. */
export function searchEstimate(search: ModelSearch): Estimate {
  const { point, model, m, layout } = search;
  return {
    parameters: toParameters(point, layout),
    initial: toInitialStates(point, model, m, layout),
    parameterCount: layout.size,
  };
}

/** R's starting parameters (initparam with the default bounds) and heuristic initial states. */
function startingPoint(y: Float64Array, model: EtsModel, m: number, layout: Layout): Float64Array {
  const point = new Float64Array(layout.size);
  const alpha = SMOOTHING_LOWER + (0.2 * (SMOOTHING_UPPER - SMOOTHING_LOWER)) / m;
  point[0] = alpha;
  if (layout.beta >= 0) {
    point[layout.beta] =
      SMOOTHING_LOWER + 0.1 * (Math.min(SMOOTHING_UPPER, alpha) - SMOOTHING_LOWER);
  }
  if (layout.gamma >= 0) {
    point[layout.gamma] =
      SMOOTHING_LOWER + 0.05 * (Math.min(SMOOTHING_UPPER, 1 - alpha) - SMOOTHING_LOWER);
  }
  if (layout.phi >= 0) {
    point[layout.phi] = PHI_LOWER + 0.99 * (PHI_UPPER - PHI_LOWER);
  }

  const states = heuristicInitialStates(Array.from(y), model, m);
  point[layout.level] = states.level;
  if (layout.trend >= 0) {
    point[layout.trend] = states.trend;
  }
  for (let k = 1; k < m && layout.seasonal >= 0; k++) {
    point[layout.seasonal + k - 1] = states.seasonal[k];
  }
  return point;
}

/**
 * Computes the sizes of the first simplex: 0.1 for alpha, 0.05 for beta and gamma, 0.02 for
 * phi, and for the states the typical one-step change of the series (a tenth of it for the
 * trend), the precision the data can give them.
 */
function stepSizes(
  y: Float64Array,
  model: EtsModel,
  m: number,
  layout: Layout,
  start: Float64Array,
): Float64Array {
  const change = typicalChange(y);
  const level = Math.abs(start[layout.level]) || 1;
  const step = new Float64Array(layout.size);
  step[0] = 0.1;
  if (layout.beta >= 0) {
    step[layout.beta] = 0.05;
  }
  if (layout.gamma >= 0) {
    step[layout.gamma] = 0.05;
  }
  if (layout.phi >= 0) {
    step[layout.phi] = 0.02;
  }
  step[layout.level] = change;
  if (layout.trend >= 0) {
    step[layout.trend] = 0.1 * change;
  }
  const seasonalStep = model.season === "M" ? change / level : change;
  for (let k = 1; k < m && layout.seasonal >= 0; k++) {
    step[layout.seasonal + k - 1] = seasonalStep;
  }
  return step;
}

/** Mean absolute first difference of y, or 1 % of its mean absolute value when that is 0. */
function typicalChange(y: Float64Array): number {
  let total = 0;
  let size = 0;
  for (let t = 0; t < y.length; t++) {
    size += Math.abs(y[t]);
    if (t > 0) {
      total += Math.abs(y[t] - y[t - 1]);
    }
  }
  const change = y.length > 1 ? total / (y.length - 1) : 0;
  return change > 0 ? change : 0.01 * (size / y.length) || 0.01;
}

/** The criterion as a function of the parameter vector; Infinity outside the bounds. */
function makeObjective(
  y: Float64Array,
  model: EtsModel,
  m: number,
  layout: Layout,
): (point: Float64Array) => number {
  const n = y.length;
  const parameters: SmoothingParameters = { alpha: 0, beta: 0, gamma: 0, phi: 1 };
  const states: StateVector = { level: 0, trend: 0, seasonal: new Float64Array(m) };
  const result: RecursionResult = {
    sumSquaredErrors: 0,
    sumLogForecasts: 0,
    valid: true,
    position: 0,
  };

  return (point: Float64Array): number => {
    readParameters(point, layout, parameters);
    if (!isWithinBounds(model, parameters, m)) {
      return Infinity;
    }
    states.level = point[layout.level];
    states.trend = layout.trend >= 0 ? point[layout.trend] : 0;
    if (!readSeasonal(point, model, m, layout, states.seasonal)) {
      return Infinity;
    }

    runRecursion(model, y, parameters, states, result, null, null);
    return likelihoodCriterion(model, n, result);
  };
}

/**
 * -2 log L up to a constant from the sums of a run over n values: n·log(Σe²), plus
 * 2·Σ log|ŷ| with a multiplicative error. Infinity for a failed run, and at least
 * `MIN_CRITERION` for a perfect fit.
 */
export function likelihoodCriterion(model: EtsModel, n: number, result: RecursionResult): number {
  if (!result.valid) {
    return Infinity;
  }
  let criterion = n * Math.log(result.sumSquaredErrors);
  if (model.error === "M") {
    criterion += 2 * result.sumLogForecasts;
  }
  if (criterion !== criterion) {
    return Infinity;
  }
  return criterion < MIN_CRITERION ? MIN_CRITERION : criterion;
}

function readParameters(point: Float64Array, layout: Layout, out: SmoothingParameters): void {
  out.alpha = point[0];
  out.beta = layout.beta >= 0 ? point[layout.beta] : 0;
  out.gamma = layout.gamma >= 0 ? point[layout.gamma] : 0;
  out.phi = layout.phi >= 0 ? point[layout.phi] : 1;
}

/**
 * Writes the initial seasonal indices of periods 1 … m to `out`: periods 2 … m from the
 * vector, period 1 so they sum to m (multiplicative) or 0 (additive). Returns false when a
 * multiplicative index is not positive. Writes a single neutral index without a season.
 */
function readSeasonal(
  point: Float64Array,
  model: EtsModel,
  m: number,
  layout: Layout,
  out: Float64Array,
): boolean {
  if (model.season === "N") {
    out[0] = 0;
    return true;
  }
  const multiplicative = model.season === "M";
  let sum = 0;
  for (let k = 1; k < m; k++) {
    out[k] = point[layout.seasonal + k - 1];
    sum += out[k];
  }
  out[0] = (multiplicative ? m : 0) - sum;
  if (multiplicative) {
    for (let k = 0; k < m; k++) {
      if (!(out[k] > 0)) {
        return false;
      }
    }
  }
  return true;
}

function toParameters(point: Float64Array, layout: Layout): SmoothingParameters {
  const parameters: SmoothingParameters = { alpha: 0, beta: 0, gamma: 0, phi: 1 };
  readParameters(point, layout, parameters);
  return parameters;
}

function toInitialStates(
  point: Float64Array,
  model: EtsModel,
  m: number,
  layout: Layout,
): InitialStates {
  const seasonal = new Float64Array(m);
  readSeasonal(point, model, m, layout, seasonal);
  return {
    level: point[layout.level],
    trend: layout.trend >= 0 ? point[layout.trend] : 0,
    seasonal: model.season === "N" ? [] : Array.from(seasonal),
  };
}
