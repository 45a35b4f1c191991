/** Names of the review areas and statuses as sheets and the task pane show them. */
import { AdjustmentActionStatus, ReviewArea } from "../../model";

/** Heading of each review area. */
export const REVIEW_AREA_LABELS: Record<ReviewArea, string> = {
  targetGroups: "Target groups",
  strategyAndTactics: "Strategy and tactics",
  channels: "Channels",
  channelControlAndForecasts: "Channel control and forecasts",
  tradeMarketing: "Trade marketing",
  organisation: "Sales organisation",
  peopleControl: "People control",
  salesEconomics: "Sales economics",
  reviewProcess: "Review process",
};

/** Name of each adjustment action status. */
export const ADJUSTMENT_STATUS_LABELS: Record<AdjustmentActionStatus, string> = {
  open: "Open",
  inProgress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
};
