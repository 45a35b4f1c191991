export * from "./fit";
export * from "./forecast";
export type { EtsFit, EtsStates } from "./report";
export { AUTOMATIC_MODEL_CODE, ETS_MODELS, modelCode, modelName, validModelCodes } from "./model";
export type { EtsModel, ErrorType, SeasonType, TrendType } from "./model";
