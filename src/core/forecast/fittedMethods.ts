import { InvalidInputError } from "../errors";
import { additiveForecastVariance } from "./additiveVariance";
import { autoPredictionInterval, fitAuto } from "./auto";
import { fitEts, forecastEts } from "./ets";
import { fitExponentialSmoothing, SmoothingOptions } from "./exponentialSmoothing";
import { detectSeasonLength } from "./seasonality";
import {
  fitTheta,
  PredictionInterval,
  requireCoverageLevel,
  thetaPredictionInterval,
  twoSidedQuantile,
} from "./theta";
import { requirePositiveInteger } from "./validation";

/** Forecast methods that SPM.FORECAST.INTERVAL and SPM.FORECAST.DESCRIBE offer by name. */
export type NamedMethod = "auto" | "ets" | "theta" | "ses" | "holt" | "damped" | "holtwinters";

/** Every named method, in the order error messages list them. */
export const NAMED_METHODS: readonly NamedMethod[] = [
  "auto",
  "ets",
  "theta",
  "ses",
  "holt",
  "damped",
  "holtwinters",
];

/** A method fitted to one history, with what INTERVAL and DESCRIBE report about it. */
export interface FittedMethod {
  /** Model as an analyst would report it, such as "ETS(M,Ad,M)". */
  model: string;
  /** Season length given or detected, which also scales MASE. */
  seasonLength: number;
  /**
   * Season length the model uses: 1 when ETS chose a model without a season, Theta found no
   * significant season, or the history is too short for the season given, otherwise
   * `seasonLength`.
   */
  seasonUsed: number;
  /** Estimated parameters by name, such as ["alpha", 0.3]. */
  parameters: [string, number][];
  /** AICc of the fitted model, null for a method without a likelihood. */
  aicc: number | null;
  /** Label of the AICc in a description: "AICc", or "ETS AICc" when only a part has one. */
  aiccLabel: string;
  /** One-step in-sample forecasts of each value of the history. */
  fitted: number[];
  /** Point forecasts of the periods after the history. */
  forecast: number[];
  /** Prediction interval of the forecasts at a coverage probability in (0, 1). */
  interval: (level: number) => PredictionInterval;
}

/**
 * Fits `method` to `y` and forecasts `horizon` periods. Every method has an analytic
 * interval except the ETS models with a multiplicative part, whose interval `forecastEts`
 * simulates, and "auto", whose interval is the union of its parts' intervals.
 *
 * @param seasonLength periods per season, or null to detect it from the history.
 * @throws InvalidInputError for a season length that is not a whole number of 1 or more, or
 *   "holtwinters" without a season.
 * @throws InsufficientDataError when the history is too short for the method.
 */
export function fitNamedMethod(
  method: NamedMethod,
  y: number[],
  horizon: number,
  seasonLength: number | null,
): FittedMethod {
  if (seasonLength !== null) {
    requirePositiveInteger("season_length", seasonLength);
  }
  const m = seasonLength ?? detectSeasonLength(y);
  switch (method) {
    case "auto":
      return fitAutoMethod(y, horizon, m);
    case "ets":
      return fitEtsMethod(y, horizon, m);
    case "theta":
      return fitThetaMethod(y, horizon, m);
    case "ses":
      return fitSmoothingMethod(y, horizon, m, { trend: "none", season: "none" });
    case "holt":
      return fitSmoothingMethod(y, horizon, m, { trend: "additive", season: "none" });
    case "damped":
      return fitSmoothingMethod(y, horizon, m, { trend: "damped", season: "none" });
    case "holtwinters":
      requireSeason(m, seasonLength);
      return fitSmoothingMethod(y, horizon, m, {
        trend: "additive",
        season: "additive",
        seasonLength: m,
      });
  }
}

function fitAutoMethod(y: number[], horizon: number, m: number): FittedMethod {
  const fit = fitAuto(y, horizon, m);
  const thetaParameters: [string, number][] = [
    ["Theta alpha", fit.theta.alpha],
    ["Theta drift", fit.theta.drift],
  ];
  const ets = fit.ets;
  return {
    model: ets === null ? "Theta (too few values for ETS)" : `Mean of Theta and ${ets.method}`,
    seasonLength: m,
    seasonUsed: Math.max(fit.theta.seasonLength, ets?.seasonLength ?? 1),
    parameters:
      ets === null
        ? thetaParameters
        : [...thetaParameters, ...etsParameters(ets.parameters, "ETS ")],
    aicc: ets === null ? null : ets.aicc,
    aiccLabel: "ETS AICc",
    fitted: fit.fitted,
    forecast: fit.forecast,
    interval: (level) => autoPredictionInterval(fit, level),
  };
}

function fitEtsMethod(y: number[], horizon: number, m: number): FittedMethod {
  const fit = fitEts(y, { seasonLength: m });
  return {
    model: fit.method,
    seasonLength: m,
    seasonUsed: fit.seasonLength,
    parameters: etsParameters(fit.parameters, ""),
    aicc: fit.aicc,
    aiccLabel: "AICc",
    fitted: fit.fitted,
    forecast: forecastEts(fit, horizon).mean,
    interval: (level) => {
      requireCoverageLevel(level);
      const result = forecastEts(fit, horizon, level);
      return { lower: result.lower ?? result.mean, upper: result.upper ?? result.mean };
    },
  };
}

function etsParameters(
  parameters: { alpha: number; beta: number | null; gamma: number | null; phi: number | null },
  prefix: string,
): [string, number][] {
  const rows: [string, number][] = [[`${prefix}alpha`, parameters.alpha]];
  for (const name of ["beta", "gamma", "phi"] as const) {
    const value = parameters[name];
    if (value !== null) {
      rows.push([`${prefix}${name}`, value]);
    }
  }
  return rows;
}

function fitThetaMethod(y: number[], horizon: number, m: number): FittedMethod {
  const fit = fitTheta(y, horizon, m);
  return {
    model: fit.seasonLength > 1 ? "Theta, seasonally adjusted" : "Theta",
    seasonLength: m,
    seasonUsed: fit.seasonLength,
    parameters: [
      ["alpha", fit.alpha],
      ["drift", fit.drift],
    ],
    aicc: null,
    aiccLabel: "AICc",
    fitted: fit.fitted,
    forecast: fit.forecast,
    interval: (level) => thetaPredictionInterval(fit, level),
  };
}

/** Model names of the exponential smoothing methods with R's simple initial states. */
const SMOOTHING_MODELS: Record<string, string> = {
  "none/none": "Simple exponential smoothing",
  "additive/none": "Holt's linear trend",
  "damped/none": "Holt's damped trend",
  "additive/additive": "Holt-Winters, additive season",
};

/**
 * Fits an exponential smoothing method with R's simple initial states, as SPM.FORECAST.SES,
 * HOLT and HOLTWINTERS do, so INTERVAL's point forecasts equal theirs. The interval is the
 * additive ETS one with σ² = SSE / n, as R's forecast 8.20 computes it for `ses`, `holt` and
 * `hw` with initial = "simple": Holt's beta becomes the state-space β* = α β.
 */
function fitSmoothingMethod(
  y: number[],
  horizon: number,
  m: number,
  options: SmoothingOptions,
): FittedMethod {
  const fit = fitExponentialSmoothing(y, horizon, options);
  const { alpha, beta, gamma, phi } = fit.parameters;
  const sigma2 = fit.sse / y.length;
  const variance = additiveForecastVariance(
    {
      alpha,
      beta: beta === null ? 0 : alpha * beta,
      gamma: gamma ?? 0,
      phi: phi ?? 1,
      seasonLength: options.season === "none" ? 1 : m,
    },
    sigma2,
    horizon,
  );

  const parameters: [string, number][] = [["alpha", alpha]];
  for (const [name, value] of [
    ["beta", beta],
    ["gamma", gamma],
    ["phi", phi],
  ] as const) {
    if (value !== null) {
      parameters.push([name, value]);
    }
  }
  return {
    model: SMOOTHING_MODELS[`${options.trend}/${options.season}`],
    seasonLength: m,
    seasonUsed: m,
    parameters,
    aicc: null,
    aiccLabel: "AICc",
    fitted: fit.fitted,
    forecast: fit.forecast,
    interval: (level) => normalInterval(fit.forecast, variance, level),
  };
}

/** Forecast ± z √v_h with z the normal quantile of the two-sided `level`. */
function normalInterval(
  forecast: readonly number[],
  variance: readonly number[],
  level: number,
): PredictionInterval {
  const z = twoSidedQuantile(level);
  return {
    lower: forecast.map((value, i) => value - z * Math.sqrt(variance[i])),
    upper: forecast.map((value, i) => value + z * Math.sqrt(variance[i])),
  };
}

function requireSeason(m: number, givenSeasonLength: number | null): void {
  if (m >= 2) {
    return;
  }
  throw new InvalidInputError(
    givenSeasonLength === null
      ? 'history shows no season, so method "holtwinters" needs season_length; give it, ' +
          'or use method "auto" or "ses".'
      : `season_length is ${givenSeasonLength} but method "holtwinters" needs a season of 2 or more ` +
          'periods; give season_length, or use method "auto" or "ses".',
  );
}

/**
 * Forecasts with `method` in the shape the method registry (`methods.ts`) uses: the point
 * forecasts, and with `options.level` (in percent, such as 95) the interval bounds.
 */
export function forecastNamedMethod(
  method: NamedMethod,
  y: number[],
  horizon: number,
  options: { seasonLength?: number; level?: number },
): { mean: number[]; lower?: number[]; upper?: number[] } {
  const fit = fitNamedMethod(method, y, horizon, options.seasonLength ?? null);
  if (options.level === undefined) {
    return { mean: fit.forecast };
  }
  const bounds = fit.interval(options.level / 100);
  return { mean: fit.forecast, lower: bounds.lower, upper: bounds.upper };
}
