export * from "./fit";
export * from "./forecast";
export { EtsFit, EtsStates } from "./report";
export {
  AUTOMATIC_MODEL_CODE,
  ETS_MODELS,
  EtsModel,
  ErrorType,
  SeasonType,
  TrendType,
  modelCode,
  modelName,
  validModelCodes,
} from "./model";
