import { InsufficientDataError, InvalidInputError } from "../../errors";
import { detectSeasonLength } from "../seasonality";
import { firstNonPositivePosition, requirePositiveInteger } from "../validation";
import {
  continueSearch,
  countParameters,
  ModelSearch,
  searchEstimate,
  startSearch,
} from "./estimation";
import { InitialStates } from "./initialization";
import {
  AUTOMATIC_MODEL_CODE,
  candidateModels,
  EtsModel,
  modelCode,
  modelName,
  parseModelCode,
} from "./model";
import { RecursionResult, rotate, runRecursion, StateVector } from "./recursion";

/** Options of `fitEts`. */
export interface EtsOptions {
  /** Periods in one season, such as 12 for monthly data; detected from the history when omitted. */
  seasonLength?: number;
  /** Model code such as "ANN", "AAdN" or "MAdM"; "ZZZ" (the default) chooses by AICc. */
  model?: string;
}

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
  /** Information criteria from `logLik`, as R computes them; -Infinity for a constant history. */
  aic: number;
  aicc: number;
  bic: number;
  /** Σe² / (n - number of estimated parameters), e relative for a multiplicative error. */
  sigma2: number;
  /** One-step forecasts of each value of the history. */
  fitted: number[];
  /** One-step errors: y - ŷ, or (y - ŷ) / ŷ for a multiplicative error, as in R. */
  residuals: number[];
}

/**
 * Season lengths above this are left out of the automatic choice and rejected in a seasonal
 * model, as R's forecast::ets (8.20) does: each season adds a free initial state, and the
 * likelihood search becomes slow and unreliable with dozens of them.
 */
export const MAX_ETS_SEASON = 24;

/** Fewest values any ETS model can be fitted to: ETS(A,N,N) estimates 2 parameters. */
export const MIN_ETS_HISTORY = 4;

// Budgets of the likelihood searches, in evaluations per estimated parameter: a short first
// search of every model, then up to `RESTARTS` restarts of the best `FINALISTS` models.
const SCREENING_EVALUATIONS = 60;
const SEARCH_EVALUATIONS = 150;
const RESTARTS = 2;
const FINALISTS = 3;

// Smoothing parameter of the fit of a constant history, as R's ets returns
// ses(y, alpha = 0.99999) for one: every forecast is the constant.
const CONSTANT_ALPHA = 0.99999;

/**
 * Fits an ETS model (Hyndman et al. 2008) to `history` by maximum likelihood, as R's
 * forecast::ets (8.20) does with its defaults, and chooses the model with the smallest AICc
 * among those the model code allows. Multiplicative errors and seasons are left out when a
 * value is 0 or less, seasonal models when the season length is 1 or above 24, and any model
 * whose parameters the history cannot support (see `minimumHistory`).
 *
 * @throws InvalidInputError for an unknown model code, a season length that is not a whole
 *   number of 1 or more, or a multiplicative model with a value of 0 or less.
 * @throws InsufficientDataError when the history is too short for every allowed model.
 * @example fitEts(airPassengers, { seasonLength: 12 }).model // "MAdM"
 */
export function fitEts(history: number[], options: EtsOptions = {}): EtsFit {
  const code = options.model ?? AUTOMATIC_MODEL_CODE;
  const request = parseModelCode(code);
  if (options.seasonLength !== undefined) {
    requirePositiveInteger("season_length", options.seasonLength);
  }
  const detected = options.seasonLength ?? detectSeasonLength(history);
  const explicit = candidateModels(request).length === 1;

  const models = allowedModels(history, request, detected, explicit);
  if (isConstant(history)) {
    return constantFit(history);
  }
  const scale = meanAbsolute(history);
  const y = Float64Array.from(history, (value) => value / scale);

  const searches = models.map((model) =>
    startSearch(y, model, model.season === "N" ? 1 : detected),
  );
  const best = chooseModel(searches, y.length);
  return reportFit(y, best, scale);
}

/**
 * Runs the likelihood searches and returns the one with the smallest AICc. Every model first
 * gets a short search; only the `FINALISTS` best then search to convergence, because the
 * models that decide the choice are within a few AICc units of each other, while the others
 * trail by tens or hundreds after the short search already.
 */
function chooseModel(searches: ModelSearch[], n: number): ModelSearch {
  const byAicc = (a: ModelSearch, b: ModelSearch): number => searchAicc(a, n) - searchAicc(b, n);
  if (searches.length > FINALISTS) {
    for (const search of searches) {
      continueSearch(search, SCREENING_EVALUATIONS, 0);
    }
    searches.sort(byAicc);
  }
  for (const search of searches.slice(0, FINALISTS)) {
    continueSearch(search, SEARCH_EVALUATIONS, RESTARTS);
  }
  return [...searches].sort(byAicc)[0];
}

/** AICc of a search's best point on the scale of the data it searches. */
function searchAicc(search: ModelSearch, n: number): number {
  const k = search.layout.size + 1;
  return search.criterion + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}

/** Fewest values `model` needs with season length m: 2 more than its parameters, 2m if seasonal. */
export function minimumHistory(model: EtsModel, m: number): number {
  const parameters = countParameters(model, model.season === "N" ? 1 : m);
  const seasons = model.season === "N" ? 0 : 2 * m;
  return Math.max(parameters + 2, seasons, MIN_ETS_HISTORY);
}

/**
 * The models of the request that the history supports, in the order R tries them. An
 * explicit model the history does not support is an error naming the reason.
 */
function allowedModels(
  history: readonly number[],
  request: ReturnType<typeof parseModelCode>,
  m: number,
  explicit: boolean,
): EtsModel[] {
  const n = history.length;
  const positive = firstNonPositivePosition([...history]) === 0;
  const models = candidateModels(request).filter((model) => {
    const multiplicative = model.error === "M" || model.season === "M";
    const seasonal = model.season !== "N";
    if (explicit && multiplicative && !positive) {
      const position = firstNonPositivePosition([...history]);
      throw new InvalidInputError(
        `history: cell ${position} is ${history[position - 1]}, but the multiplicative model ` +
          `${modelName(model)} needs values above 0; use an additive model such as ` +
          `"${modelCode({ ...model, error: "A", season: model.season === "M" ? "A" : model.season })}".`,
      );
    }
    if (explicit && seasonal && (m === 1 || m > MAX_ETS_SEASON)) {
      throw new InvalidInputError(
        `season_length is ${m} but the seasonal model ${modelName(model)} needs a season ` +
          `length from 2 to ${MAX_ETS_SEASON}; give season_length or choose a model ending in N.`,
      );
    }
    if (explicit && n < minimumHistory(model, m)) {
      throw new InsufficientDataError(
        `history has ${n} values but ${modelName(model)}` +
          `${seasonal ? ` with season_length ${m}` : ""} needs at least ` +
          `${minimumHistory(model, m)}.`,
      );
    }
    if (multiplicative && !positive) {
      return false;
    }
    if (seasonal && (m === 1 || m > MAX_ETS_SEASON)) {
      return false;
    }
    return n >= minimumHistory(model, m);
  });
  if (models.length === 0) {
    throw new InsufficientDataError(
      `history has ${n} values but ETS needs at least ${MIN_ETS_HISTORY}.`,
    );
  }
  return models;
}

/** Reports the fit of a search on the scaled series y = history / scale on the original scale. */
function reportFit(y: Float64Array, search: ModelSearch, scale: number): EtsFit {
  const n = y.length;
  const { model, m } = search;
  const estimate = searchEstimate(search);
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
  const criterion = estimate.criterion + 2 * n * Math.log(scale);
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
 * The fit of a constant history: ETS(A,N,N) with the level at the constant, a zero residual
 * and an unbounded likelihood, so every forecast and interval is the constant.
 */
function constantFit(history: readonly number[]): EtsFit {
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

function isConstant(history: readonly number[]): boolean {
  return history.every((value) => value === history[0]);
}

function meanAbsolute(history: readonly number[]): number {
  return history.reduce((sum, value) => sum + Math.abs(value), 0) / history.length;
}
