import { Estimate, likelihoodCriterion } from "./estimation";
import { InitialStates } from "./initialization";
import { EtsModel, modelCode, modelName } from "./model";
import { RecursionResult, rotate, runRecursion, StateVector } from "./recursion";

/** Level, trend and seasonal indices at one time. */
export interface EtsStates {
  level: number;
  /** Null for a model without trend. */
  trend: number | null;
  /**
   * Seasonal indices of the next m periods in time order, so `seasonal[k]` applies k + 1
   * periods later; empty for a model without season.
   */
  seasonal: number[];
}

/** A fitted ETS model: the model chosen, its estimates, information criteria and in-sample fit. */
export interface EtsFit {
  /** Model code as R spells it, such as "MAdM". */
  model: string;
  /** Model as R prints it, such as "ETS(M,Ad,M)". */
  method: string;
  components: EtsModel;
  /** Season length the model uses: the one given or detected, or 1 for a non-seasonal model. */
  seasonLength: number;
  /** Smoothing parameters in the state-space form (beta = alpha·beta*); null when unused. */
  parameters: { alpha: number; beta: number | null; gamma: number | null; phi: number | null };
  /** States before the first observation; `seasonal[k]` applies to period k + 1 of the history. */
  initialStates: EtsStates;
  /** States after the last observation, from which the forecasts start. */
  finalStates: EtsStates;
  /**
   * Log-likelihood as R's forecast::ets reports it, -0.5·(n·log(Σe²) + 2·Σ log|ŷ|), which
   * leaves out the constant -n/2·(log(2π/n) + 1). +Infinity for a constant history.
   */
  logLik: number;
  /**
   * Information criteria from `logLik`, as R computes them: -Infinity for a constant history,
   * and the AICc +Infinity when the history has just 2 values more than the model's parameters.
   */
  aic: number;
  aicc: number;
  bic: number;
  /**
   * Σe² / (n - number of estimated parameters), e relative for a multiplicative error.
   * NOTE: with an additive error it overflows to Infinity for values above about 1e150.
   */
  sigma2: number;
  /** One-step forecasts of each value of the history. */
  fitted: number[];
  /** One-step errors: y - ŷ, or (y - ŷ) / ŷ for a multiplicative error, as in R. */
  residuals: number[];
}

// Smoothing parameter of the fit of a constant history, as R's ets returns
// ses(y, alpha = 0.99999) for one: every forecast is the constant.
const CONSTANT_ALPHA = 0.99999;

/**
 * Runs `model` with the parameters and initial states of `estimate` over the scaled series
 * y = history / scale, and reports the fit on the original scale. `m` is 1 without a season.
 */
export function reportFit(
  y: Float64Array,
  model: EtsModel,
  m: number,
  estimate: Estimate,
  scale: number,
): EtsFit {
  const n = y.length;
  const states: StateVector = {
    level: estimate.initial.level,
    trend: estimate.initial.trend,
    seasonal:
      model.season === "N" ? new Float64Array(1) : Float64Array.from(estimate.initial.seasonal),
  };
  const fitted = new Float64Array(n);
  const errors = new Float64Array(n);
  const result: RecursionResult = {
    sumSquaredErrors: 0,
    sumLogForecasts: 0,
    valid: true,
    position: 0,
  };
  runRecursion(model, y, estimate.parameters, states, result, fitted, errors);
  rotate(states.seasonal, result.position);

  // Dividing y by the scale lowers n·log(Σe²) + 2·Σ log|ŷ| by 2n·log(scale) for either error.
  const criterion = likelihoodCriterion(model, n, result) + 2 * n * Math.log(scale);
  const k = estimate.parameterCount + 1;
  const aic = criterion + 2 * k;
  const additiveError = model.error === "A";
  const residuals = Array.from(errors, (e) => (additiveError ? e * scale : e));
  const sumSquares = residuals.reduce((sum, e) => sum + e * e, 0);

  const { alpha, beta, gamma, phi } = estimate.parameters;
  return {
    model: modelCode(model),
    method: modelName(model),
    components: model,
    seasonLength: m,
    parameters: {
      alpha,
      beta: model.trend === "N" ? null : beta,
      gamma: model.season === "N" ? null : gamma,
      phi: model.trend === "Ad" ? phi : null,
    },
    initialStates: toEtsStates(model, estimate.initial, scale),
    finalStates: toEtsStates(
      model,
      { level: states.level, trend: states.trend, seasonal: Array.from(states.seasonal) },
      scale,
    ),
    logLik: -0.5 * criterion,
    aic,
    aicc: aic + (2 * k * (k + 1)) / (n - k - 1),
    bic: criterion + Math.log(n) * k,
    sigma2: sumSquares / (n - estimate.parameterCount),
    fitted: Array.from(fitted, (value) => value * scale),
    residuals,
  };
}

/** States on the original scale: additive components times the scale, ratios unchanged. */
function toEtsStates(model: EtsModel, states: InitialStates, scale: number): EtsStates {
  const additiveSeason = model.season === "A";
  return {
    level: states.level * scale,
    trend: model.trend === "N" ? null : states.trend * scale,
    seasonal:
      model.season === "N"
        ? []
        : states.seasonal.map((index) => (additiveSeason ? index * scale : index)),
  };
}

/**
 * Builds the fit of a constant history: ETS(A,N,N) with the level at the constant, a zero residual
 * and an unbounded likelihood, so every forecast and interval is the constant.
 */
export function constantFit(history: readonly number[]): EtsFit {
  const value = history[0];
  const states: EtsStates = { level: value, trend: null, seasonal: [] };
  return {
    model: "ANN",
    method: "ETS(A,N,N)",
    components: { error: "A", trend: "N", season: "N" },
    seasonLength: 1,
    parameters: { alpha: CONSTANT_ALPHA, beta: null, gamma: null, phi: null },
    initialStates: states,
    finalStates: { ...states },
    logLik: Infinity,
    aic: -Infinity,
    aicc: -Infinity,
    bic: -Infinity,
    sigma2: 0,
    fitted: history.map(() => value),
    residuals: history.map(() => 0),
  };
}
