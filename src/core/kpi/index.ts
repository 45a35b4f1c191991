/** Sales KPIs, pipeline forecasts, scorecards and distribution indices. */
export * from "./distribution";
export * from "./growth";
export * from "./pipeline";
export * from "./retention";
export * from "./salesCycle";
export * from "./salesKpis";
export * from "./scorecard";
