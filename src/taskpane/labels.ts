/** Names of the model's choices as the pages show them. */
import {
  CHANNEL_TYPES,
  ChannelType,
  FORECAST_METHODS,
  ForecastMethod,
  PERSON_STAGES,
  PersonStage,
  STIMULATION_ACTION_KINDS,
  STIMULATION_ACTION_STATUSES,
  StimulationActionKind,
  StimulationActionStatus,
  TARGET_GROUP_KINDS,
  TARGET_METRICS,
  TargetGroupKind,
  TargetMetric,
  ADJUSTMENT_ACTION_STATUSES,
} from "../model";
import { ADJUSTMENT_STATUS_LABELS } from "../workbook/actions/labels";
import { ChoiceOption } from "./components/fields";

export { ADJUSTMENT_STATUS_LABELS, REVIEW_AREA_LABELS } from "../workbook/actions/labels";

export const TARGET_GROUP_KIND_LABELS: Record<TargetGroupKind, string> = {
  client: "Client",
  targetGroup: "Target group",
  segment: "Segment",
  strategicNiche: "Strategic niche",
  supportingNiche: "Supporting niche",
};

export const CHANNEL_TYPE_LABELS: Record<ChannelType, string> = {
  directSales: "Direct sales",
  distributor: "Distributor",
  wholesale: "Wholesale",
  retail: "Retail",
  eCommerce: "E-commerce",
  partner: "Partner",
  other: "Other",
};

export const FORECAST_METHOD_LABELS: Record<ForecastMethod, string> = {
  linear: "Linear trend",
  movingAverage: "Moving average",
  seasonalNaive: "Seasonal naive",
  ses: "Simple exponential smoothing",
  holt: "Holt (trend)",
  holtWinters: "Holt-Winters (trend and season)",
  croston: "Croston (intermittent demand)",
};

export const STIMULATION_KIND_LABELS: Record<StimulationActionKind, string> = {
  promotion: "Promotion",
  rebate: "Rebate",
  listing: "Listing",
  merchandising: "Merchandising",
  staffTraining: "Staff training",
  salesContest: "Sales contest",
  pointOfSaleMaterial: "Point-of-sale material",
  other: "Other",
};

export const STIMULATION_STATUS_LABELS: Record<StimulationActionStatus, string> = {
  planned: "Planned",
  running: "Running",
  done: "Done",
  cancelled: "Cancelled",
};

export const PERSON_STAGE_LABELS: Record<PersonStage, string> = {
  hiring: "Hiring",
  selection: "Selection",
  adaptation: "Adaptation",
  active: "Active",
  leaving: "Leaving",
};

export const TARGET_METRIC_LABELS: Record<TargetMetric, string> = {
  revenue: "Revenue",
  units: "Units",
  newCustomers: "New customers",
  distribution: "Numeric distribution %",
  custom: "Custom",
};

/** Builds the options of a choice field from a list of values and their labels. */
export function optionsOf<T extends string>(
  values: readonly T[],
  labels: Record<T, string>,
): ChoiceOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}

export const TARGET_GROUP_KIND_OPTIONS = optionsOf(TARGET_GROUP_KINDS, TARGET_GROUP_KIND_LABELS);
export const CHANNEL_TYPE_OPTIONS = optionsOf(CHANNEL_TYPES, CHANNEL_TYPE_LABELS);
export const FORECAST_METHOD_OPTIONS = optionsOf(FORECAST_METHODS, FORECAST_METHOD_LABELS);
export const STIMULATION_KIND_OPTIONS = optionsOf(
  STIMULATION_ACTION_KINDS,
  STIMULATION_KIND_LABELS,
);
export const STIMULATION_STATUS_OPTIONS = optionsOf(
  STIMULATION_ACTION_STATUSES,
  STIMULATION_STATUS_LABELS,
);
export const PERSON_STAGE_OPTIONS = optionsOf(PERSON_STAGES, PERSON_STAGE_LABELS);
export const TARGET_METRIC_OPTIONS = optionsOf(TARGET_METRICS, TARGET_METRIC_LABELS);
export const ADJUSTMENT_STATUS_OPTIONS = optionsOf(
  ADJUSTMENT_ACTION_STATUSES,
  ADJUSTMENT_STATUS_LABELS,
);
