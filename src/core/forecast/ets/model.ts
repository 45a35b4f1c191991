import { InvalidInputError } from "../../errors";

/** Error component: additive or multiplicative. */
export type ErrorType = "A" | "M";

/** Trend component: none, additive, or additive damped by phi. */
export type TrendType = "N" | "A" | "Ad";

/** Seasonal component: none, additive or multiplicative. */
export type SeasonType = "N" | "A" | "M";

/** One ETS model of the taxonomy of Hyndman et al. (2008), such as ETS(M,Ad,M). */
export interface EtsModel {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
}

/** A requested model: each component is fixed, or null when the fit chooses it ("Z"). */
export interface EtsModelRequest {
  error: ErrorType | null;
  trend: TrendType | null;
  season: SeasonType | null;
}

/**
 * The 15 models the automatic choice considers, which are R's forecast::ets (8.20) defaults.
 * They leave out multiplicative trends, and additive errors with a multiplicative season, which
 * R forbids because their forecast variance can become infinite.
 */
export const ETS_MODELS: readonly EtsModel[] = (["A", "M"] as const).flatMap((error) =>
  (["N", "A", "M"] as const)
    .filter((season) => !(error === "A" && season === "M"))
    .flatMap((season) => (["N", "A", "Ad"] as const).map((trend) => ({ error, trend, season }))),
);

/** The model code that chooses every component automatically. */
export const AUTOMATIC_MODEL_CODE = "ZZZ";

/** Writes a model as R spells its code: "ANN", "AAdN", "MAdM". */
export function modelCode(model: EtsModel): string {
  return `${model.error}${model.trend}${model.season}`;
}

/** Writes a model as R prints its method: "ETS(M,Ad,M)". */
export function modelName(model: EtsModel): string {
  return `ETS(${model.error},${model.trend},${model.season})`;
}

/** Lists every accepted model code, for messages. */
export function validModelCodes(): string[] {
  return [...ETS_MODELS.map(modelCode), AUTOMATIC_MODEL_CODE];
}

// Error letter, trend letters (with an optional "d" for damped) and season letter.
const MODEL_CODE = /^([AMZ])(N|A|Ad|Z)([NAMZ])$/;

/**
 * Parses a model code such as "ANN", "AAdN", "MAdM" or "ZZZ" (any case). The letter Z in a
 * position leaves that component to the automatic choice, as in R's forecast::ets.
 *
 * @throws InvalidInputError listing the valid codes when the code is unknown or is one of the
 *   combinations R's defaults forbid (a multiplicative trend, or an additive error with a
 *   multiplicative season).
 */
export function parseModelCode(code: string): EtsModelRequest {
  const text = code.trim();
  const match = MODEL_CODE.exec(text.toUpperCase().replace(/D(?=.$)/, "d"));
  const request: EtsModelRequest | null =
    match === null
      ? null
      : {
          error: match[1] === "Z" ? null : (match[1] as ErrorType),
          trend: match[2] === "Z" ? null : (match[2] as TrendType),
          season: match[3] === "Z" ? null : (match[3] as SeasonType),
        };
  if (request === null || candidateModels(request).length === 0) {
    throw new InvalidInputError(
      `model is "${text}", which is not a valid ETS model code; use one of ` +
        `${validModelCodes().join(", ")}. The letter Z in any position chooses that part ` +
        "automatically.",
    );
  }
  return request;
}

/** Selects the models of `ETS_MODELS` that a request allows. */
export function candidateModels(request: EtsModelRequest): EtsModel[] {
  return ETS_MODELS.filter(
    (model) =>
      (request.error === null || request.error === model.error) &&
      (request.trend === null || request.trend === model.trend) &&
      (request.season === null || request.season === model.season),
  );
}
