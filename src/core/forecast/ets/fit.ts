import { InsufficientDataError, InvalidInputError } from "../../errors";
import { detectSeasonLength } from "../seasonality";
import { countOf, firstNonPositivePosition, requirePositiveInteger } from "../validation";
import { isWithinBounds } from "./bounds";
import {
  continueSearch,
  countParameters,
  Estimate,
  ModelSearch,
  searchEstimate,
  startSearch,
} from "./estimation";
import {
  AUTOMATIC_MODEL_CODE,
  candidateModels,
  EtsModel,
  EtsModelRequest,
  modelName,
  parseModelCode,
} from "./model";
import { constantFit, EtsFit, reportFit } from "./report";

/** Options of `fitEts`. */
export interface EtsOptions {
  /** Periods in one season, such as 12 for monthly data; detected from the history when omitted. */
  seasonLength?: number;
  /** Model code such as "ANN", "AAdN" or "MAdM"; "ZZZ" (the default) chooses by AICc. */
  model?: string;
}

/**
 * Maximum season length of a seasonal model, as in R's forecast::ets (8.20). A longer season is
 * left out of the automatic choice and rejected in a seasonal model. Each period of the season
 * adds a free initial state, and the likelihood search becomes slow and unreliable with dozens.
 */
export const MAX_ETS_SEASON = 24;

/** Minimum number of values of any ETS model: ETS(A,N,N) estimates 2 parameters. */
export const MIN_ETS_HISTORY = 4;

// Budgets of the likelihood searches, in evaluations per estimated parameter: a short first
// search of every model, then up to `RESTARTS` restarts of the best `FINALISTS` models.
const SCREENING_EVALUATIONS = 40;
const SEARCH_EVALUATIONS = 150;
const RESTARTS = 2;
const FINALISTS = 2;

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
 * @example fitEts(airPassengers, { seasonLength: 12 }).model // "MAM"
 */
export function fitEts(history: number[], options: EtsOptions = {}): EtsFit {
  const code = options.model ?? AUTOMATIC_MODEL_CODE;
  const request = parseModelCode(code);
  if (options.seasonLength !== undefined) {
    requirePositiveInteger("season_length", options.seasonLength);
  }
  const detected = options.seasonLength ?? detectSeasonLength(history);
  const seasonGiven = options.seasonLength !== undefined;

  const models = allowedModels(history, request, code.trim(), detected, seasonGiven);
  if (isConstant(history)) {
    return constantFit(history);
  }
  const scale = meanAbsolute(history);
  const y = Float64Array.from(history, (value) => value / scale);

  const searches = models.map((model) =>
    startSearch(y, model, model.season === "N" ? 1 : detected),
  );
  const best = chooseModel(searches, y.length);
  if (!Number.isFinite(best.criterion)) {
    throw new InvalidInputError(
      "No ETS model could be fitted to history: every trial gave an undefined likelihood. " +
        "Check history for extreme values.",
    );
  }
  const { model, m } = best;
  return reportFit(y, model, m, searchEstimate(best), scale);
}

/**
 * Runs the likelihood searches and returns the one with the smallest AICc. Every model first
 * gets a short search, and only the `FINALISTS` best by AICc then search to convergence, which
 * takes most of the time.
 *
 * NOTE: a model whose short search stops far from its optimum is left out even when its
 * optimum would have the smallest AICc.
 */
function chooseModel(searches: ModelSearch[], n: number): ModelSearch {
  // Two failed searches both have an AICc of Infinity, and Infinity - Infinity is NaN, which
  // a sort comparator must not return.
  const byAicc = (a: ModelSearch, b: ModelSearch): number => {
    const difference = searchAicc(a, n) - searchAicc(b, n);
    return Number.isNaN(difference) ? 0 : difference;
  };
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

/**
 * Computes the minimum history length of `model` with season length m: its parameters + 2, as
 * R's forecast::ets (8.20) requires, and two full seasons for a seasonal model. At exactly
 * parameters + 2 values the AICc is infinite, so the automatic choice takes such a model only
 * when no other fits.
 */
export function minimumHistory(model: EtsModel, m: number): number {
  const parameters = countParameters(model, model.season === "N" ? 1 : m);
  const seasons = model.season === "N" ? 0 : 2 * m;
  return Math.max(parameters + 2, seasons, MIN_ETS_HISTORY);
}

/**
 * Lists the models of the request that the history supports: multiplicative parts need
 * values above 0, a season needs a season length from 2 to `MAX_ETS_SEASON`, and each model
 * needs `minimumHistory` values. Rejects the request when no model is left, naming the reason.
 */
function allowedModels(
  history: readonly number[],
  request: EtsModelRequest,
  code: string,
  m: number,
  seasonGiven: boolean,
): EtsModel[] {
  const candidates = candidateModels(request);
  const name = candidates.length === 1 ? modelName(candidates[0]) : `model "${code}"`;

  const position = firstNonPositivePosition([...history]);
  const positive = position === 0;
  const additive = candidates.filter((model) => model.error === "A" && model.season !== "M");
  if (!positive && additive.length === 0) {
    throw new InvalidInputError(
      `history: cell ${position} is ${history[position - 1]}, but ${name} has a ` +
        `multiplicative error or season, which needs values above 0; use A in those places, ` +
        `such as "${additiveCode(request)}".`,
    );
  }
  const usable = positive ? candidates : additive;

  const hasSeason = m >= 2 && m <= MAX_ETS_SEASON;
  const nonSeasonal = usable.filter((model) => model.season === "N");
  if (!hasSeason && nonSeasonal.length === 0) {
    const length = seasonGiven
      ? `season_length is ${m}`
      : `season_length is omitted and the season length detected in history is ${m}`;
    throw new InvalidInputError(
      `${length}, but ${name} needs a season length from 2 to ${MAX_ETS_SEASON}; ` +
        "give season_length or use a model ending in N.",
    );
  }
  const seasonal = hasSeason ? usable : nonSeasonal;

  const n = history.length;
  const models = seasonal.filter((model) => n >= minimumHistory(model, m));
  if (models.length === 0) {
    const minimum = Math.min(...seasonal.map((model) => minimumHistory(model, m)));
    const allSeasonal = seasonal.every((model) => model.season !== "N");
    throw new InsufficientDataError(
      `history has ${countOf(n, "value")} but ${candidates.length === 1 ? name : "ETS"}` +
        `${allSeasonal ? ` with season_length ${m}` : ""} needs at least ${minimum}.`,
    );
  }
  return models;
}

/** Writes the request's code with additive error and season, such as "AAdA" for "MAdM". */
function additiveCode(request: EtsModelRequest): string {
  const error = request.error === null ? "Z" : "A";
  const trend = request.trend ?? "Z";
  let season = request.season ?? "Z";
  if (season === "M") {
    season = "A";
  }
  return `${error}${trend}${season}`;
}

function isConstant(history: readonly number[]): boolean {
  return history.every((value) => value === history[0]);
}

function meanAbsolute(history: readonly number[]): number {
  return history.reduce((sum, value) => sum + Math.abs(value), 0) / history.length;
}

/** A model with given smoothing parameters and initial states, for `evaluateEts`. */
export interface EtsSpecification {
  /** Model code of one model, such as "MAM"; Z is not allowed. */
  model: string;
  /** Season length; required for a seasonal model. */
  seasonLength?: number;
  parameters: { alpha: number; beta?: number | null; gamma?: number | null; phi?: number | null };
  /** Initial states; `seasonal[k]` applies to period k + 1 of the history. */
  initialStates: { level: number; trend?: number | null; seasonal?: readonly number[] };
}

/**
 * Runs one ETS model with given smoothing parameters and initial states over `history`, with
 * no estimation, and reports the fit as `fitEts` does (as R's ets with use.initial.values).
 * The information criteria count the parameters as estimated, as R does.
 *
 * @throws InvalidInputError when the code is not one model, the parameters are outside the
 *   usual and admissible bounds, or the states do not match the model.
 */
export function evaluateEts(history: number[], specification: EtsSpecification): EtsFit {
  const models = candidateModels(parseModelCode(specification.model));
  if (models.length !== 1) {
    throw new InvalidInputError(
      `model is "${specification.model}" but evaluateEts needs one model, without Z.`,
    );
  }
  const model = models[0];
  const m = model.season === "N" ? 1 : (specification.seasonLength ?? 1);
  const seasonal = specification.initialStates.seasonal ?? [];
  if (model.season !== "N" && (m < 2 || seasonal.length !== m)) {
    throw new InvalidInputError(
      `${modelName(model)} needs season_length of 2 or more and one initial seasonal index ` +
        `per period; got season_length ${m} and ${seasonal.length} indices.`,
    );
  }
  const parameters = {
    alpha: specification.parameters.alpha,
    beta: specification.parameters.beta ?? 0,
    gamma: specification.parameters.gamma ?? 0,
    phi: specification.parameters.phi ?? 1,
  };
  if (!isWithinBounds(model, parameters, m)) {
    throw new InvalidInputError(
      `The smoothing parameters of ${modelName(model)} are outside the usual or admissible bounds.`,
    );
  }

  const scale = meanAbsolute(history) || 1;
  const additiveSeason = model.season === "A";
  const estimate: Estimate = {
    parameters,
    initial: {
      level: specification.initialStates.level / scale,
      trend: (specification.initialStates.trend ?? 0) / scale,
      seasonal: seasonal.map((index) => (additiveSeason ? index / scale : index)),
    },
    parameterCount: countParameters(model, m),
  };
  return reportFit(
    Float64Array.from(history, (value) => value / scale),
    model,
    m,
    estimate,
    scale,
  );
}
