import { z } from "zod";
import { money, numberAtLeast, optionalText, percent, recordIdList, requiredText } from "./fields";
import { buildRecord, defineRecordSchemas } from "./recordSchema";

/** Types of sales channel. */
export const CHANNEL_TYPES = [
  "directSales",
  "distributor",
  "wholesale",
  "retail",
  "eCommerce",
  "partner",
  "other",
] as const;

/** Type of sales channel. */
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/**
 * Forecast methods a channel's sales history can use; each is an `SPM.FORECAST` function of
 * the same name.
 */
export const FORECAST_METHODS = [
  "linear",
  "movingAverage",
  "seasonalNaive",
  "ses",
  "holt",
  "holtWinters",
  "croston",
] as const;

/** Forecast method of a channel. */
export type ForecastMethod = (typeof FORECAST_METHODS)[number];

/** Commercial terms the company grants a channel. */
export const channelConditionsSchema = z
  .object({
    discountPercent: percent().optional(),
    marginPercent: percent().optional(),
    paymentTermsDays: numberAtLeast(0, { integer: true, unit: "days" }).optional(),
    minimumOrder: money().optional(),
    listingTerms: optionalText(),
    rebateTerms: optionalText(),
    notes: optionalText(),
  })
  .strict();

/** Coverage and cost figures that show how well a channel works. */
export const channelEffectivenessSchema = z
  .object({
    outletsCovered: numberAtLeast(0, { integer: true }).optional(),
    salesPerOutlet: money().optional(),
    channelCost: money().optional(),
  })
  .strict();

/** A month written as YYYY-MM. */
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

const channelSchemas = defineRecordSchemas({
  name: requiredText(),
  type: z.enum(CHANNEL_TYPES),
  targetGroupIds: recordIdList(),
  conditions: channelConditionsSchema.default({}),
  salesHistorySource: optionalText(),
  salesHistoryStart: z
    .string()
    .regex(MONTH_PATTERN, { message: "must be a month written as YYYY-MM, such as 2021-01." })
    .or(z.literal(""))
    .default(""),
  forecastMethod: z.enum(FORECAST_METHODS).optional(),
  effectiveness: channelEffectivenessSchema.default({}),
});

/**
 * The fields of a sales channel: the target groups it serves, its conditions, where its sales
 * history lives (a worksheet range such as `Sales!B2:B37` or a table column such as
 * `SPM_Sales[Revenue]`) with the month of its first value, monthly values following, and the
 * forecast method chosen for it. Its targets per period are
 * target records whose subject is the channel.
 */
export const channelInputSchema = channelSchemas.input;

/** A stored sales channel. */
export const channelSchema = channelSchemas.record;

/** A stored sales channel. */
export type Channel = z.output<typeof channelSchema>;

/** The fields a user enters for a channel; defaults fill the rest. */
export type ChannelInput = z.input<typeof channelInputSchema>;

/**
 * Creates a channel with a new id and timestamps.
 *
 * @throws RecordValidationError naming each invalid field.
 */
export function createChannel(input: ChannelInput, now?: Date): Channel {
  return buildRecord(channelInputSchema, "channel", input, now);
}
