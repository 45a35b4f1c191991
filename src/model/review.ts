import { z } from "zod";
import { boundedNumber, isoDate, optionalText, recordId, requiredText, score } from "./fields";
import { FieldIssue } from "./issues";
import { buildRecord, defineRecordSchemas } from "./recordSchema";

/** The nine areas of the sales system that an annual review scores, in review order. */
export const REVIEW_AREAS = [
  "targetGroups",
  "strategyAndTactics",
  "channels",
  "channelControlAndForecasts",
  "tradeMarketing",
  "organisation",
  "peopleControl",
  "salesEconomics",
  "reviewProcess",
] as const;

/** Area of the sales system scored in a review. */
export type ReviewArea = (typeof REVIEW_AREAS)[number];

/** A review is edited as a draft and becomes read-only once final. */
export const REVIEW_STATUSES = ["draft", "final"] as const;

/** Status of a review. */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Life cycle of an adjustment action agreed in a review. */
export const ADJUSTMENT_ACTION_STATUSES = ["open", "inProgress", "done", "cancelled"] as const;

/** Status of an adjustment action. */
export type AdjustmentActionStatus = (typeof ADJUSTMENT_ACTION_STATUSES)[number];

/** Statuses of an adjustment action that still needs work, so the next review carries it. */
export const OPEN_ACTION_STATUSES: readonly AdjustmentActionStatus[] = ["open", "inProgress"];

/** Years a review can cover: Excel's calendar runs from 1900 to 9999. */
const FIRST_REVIEW_YEAR = 1900;
const LAST_REVIEW_YEAR = 9999;

/** Score from 1 to 5 and written findings for one area; the score may wait while a draft. */
export const areaAssessmentSchema = z
  .object({
    score: score().optional(),
    findings: optionalText(),
  })
  .strict();

/** Assessment of one review area. */
export type AreaAssessment = z.output<typeof areaAssessmentSchema>;

const areaShape = Object.fromEntries(
  REVIEW_AREAS.map((area) => [area, areaAssessmentSchema.default({})]),
) as Record<ReviewArea, z.ZodDefault<typeof areaAssessmentSchema>>;

/** Assessments of all nine areas, keyed by area. */
export const reviewAreasSchema = z.object(areaShape).strict();

/** A change to the sales system agreed in a review, with an owner and a due date. */
export const adjustmentActionSchema = z
  .object({
    id: recordId().default(() => crypto.randomUUID()),
    description: requiredText(),
    owner: optionalText(),
    dueDate: isoDate().optional(),
    status: z.enum(ADJUSTMENT_ACTION_STATUSES).default("open"),
  })
  .strict();

/** An adjustment action of a review. */
export type AdjustmentAction = z.output<typeof adjustmentActionSchema>;

const reviewSchemas = defineRecordSchemas(
  {
    year: boundedNumber(FIRST_REVIEW_YEAR, LAST_REVIEW_YEAR, { integer: true }),
    date: isoDate().optional(),
    participants: z.array(requiredText()).default([]),
    status: z.enum(REVIEW_STATUSES).default("draft"),
    areas: reviewAreasSchema.default({}),
    actions: z.array(adjustmentActionSchema).default([]),
  },
  (review, context) => {
    if (review.status !== "final") {
      return;
    }
    for (const area of REVIEW_AREAS) {
      if (review.areas[area].score === undefined) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          path: ["areas", area, "score"],
          message: "is missing but a final review scores every area; enter a score from 1 to 5.",
        });
      }
    }
  },
);

/**
 * The fields of the annual review of the whole sales system: a score and findings per area,
 * and the adjustment actions agreed.
 */
export const reviewInputSchema = reviewSchemas.input;

/** A stored review. */
export const reviewSchema = reviewSchemas.record;

/** A stored review. */
export type Review = z.output<typeof reviewSchema>;

/** The fields a user enters for a review; defaults fill the rest. */
export type ReviewInput = z.input<typeof reviewInputSchema>;

/**
 * Creates a review with a new id and timestamps.
 *
 * @throws RecordValidationError naming each invalid field.
 */
export function createReview(input: ReviewInput, now?: Date): Review {
  return buildRecord(reviewInputSchema, "review", input, now);
}

/**
 * Checks whether `existing` may still be edited. A final review is read-only, so any update
 * gets one issue explaining how to go on.
 */
export function reviewEditIssues(existing: Pick<Review, "status" | "year">): FieldIssue[] {
  if (existing.status !== "final") {
    return [];
  }
  return [
    {
      field: "status",
      message:
        `status is final, so the ${existing.year} review is read-only; ` +
        "start the next review from it instead of editing it.",
    },
  ];
}

/**
 * Starts the review of the year after `previous` as a draft. It keeps the participants and
 * carries over, under new ids, the adjustment actions that are still open or in progress;
 * scores and findings start empty.
 */
export function startNextReview(previous: Review, now?: Date): Review {
  const openActions = previous.actions
    .filter((action) => OPEN_ACTION_STATUSES.includes(action.status))
    .map((action) => ({ ...action, id: crypto.randomUUID() }));
  return createReview(
    {
      year: previous.year + 1,
      participants: [...previous.participants],
      status: "draft",
      actions: openActions,
    },
    now,
  );
}
