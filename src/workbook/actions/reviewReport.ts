/**
 * The report of one annual review: its score and findings per area beside the scores of the
 * earlier years, its adjustment actions, and the trend of the average score across all years
 * with a line chart.
 */
import { Review, REVIEW_AREAS } from "../../model";
import { cellAddress, columnRange } from "./a1";
import { BODY_FIRST_ROW, SheetContent } from "./builtSheet";
import { ADJUSTMENT_STATUS_LABELS, REVIEW_AREA_LABELS } from "./labels";
import { CellBlock, formula, SheetCell } from "./sheetWriter";

/** Rows left blank between the sections of the report. */
const SECTION_GAP = 1;

/** Builds the rows of the year, status, date and participants. */
function summaryBlock(review: Review): CellBlock {
  return {
    row: BODY_FIRST_ROW,
    column: 0,
    cells: [
      ["Year", review.year],
      ["Status", review.status === "final" ? "Final" : "Draft"],
      ["Date", review.date ?? ""],
      ["Participants", review.participants.join(", ")],
    ],
  };
}

/** Builds one row per area: this review's score and findings, then earlier years' scores. */
function areasBlock(review: Review, earlier: readonly Review[], row: number): CellBlock {
  const header: SheetCell[] = [
    "Area",
    `Score ${review.year}`,
    "Findings",
    ...earlier.map((previous) => `Score ${previous.year}`),
  ];
  const rows = REVIEW_AREAS.map((area): SheetCell[] => [
    REVIEW_AREA_LABELS[area],
    review.areas[area].score ?? null,
    review.areas[area].findings,
    ...earlier.map((previous) => previous.areas[area].score ?? null),
  ]);
  return { row, column: 0, cells: [header, ...rows] };
}

/** Builds the rows of the adjustment actions with their owners, due dates and statuses. */
function actionsBlock(review: Review, row: number): CellBlock {
  const rows = review.actions.map((action): SheetCell[] => [
    action.description,
    action.owner,
    action.dueDate ?? "",
    ADJUSTMENT_STATUS_LABELS[action.status],
  ]);
  const empty: SheetCell[][] =
    rows.length === 0 ? [["No adjustment actions yet.", null, null, null]] : [];
  return {
    row,
    column: 0,
    cells: [["Adjustment action", "Owner", "Due date", "Status"], ...rows, ...empty],
  };
}

/**
 * Builds a row per review with its year, average score and area scores. The average is a
 * formula, so it follows a score edited in the sheet, and a year without scores shows a blank.
 */
function trendBlock(reviews: readonly Review[], row: number): CellBlock {
  const firstArea = 2;
  const lastArea = firstArea + REVIEW_AREAS.length - 1;
  const header: SheetCell[] = [
    "Year",
    "Average score",
    ...REVIEW_AREAS.map((a) => REVIEW_AREA_LABELS[a]),
  ];
  const rows = reviews.map((review, index): SheetCell[] => {
    const sheetRow = row + 1 + index;
    const scores = `${cellAddress(sheetRow, firstArea)}:${cellAddress(sheetRow, lastArea)}`;
    return [
      review.year,
      formula(`IF(COUNT(${scores})=0, "", AVERAGE(${scores}))`),
      ...REVIEW_AREAS.map((area) => review.areas[area].score ?? null),
    ];
  });
  return { row, column: 0, cells: [header, ...rows] };
}

/** Lays out the report of `review`, with `allReviews` (this one included) for the trend. */
export function reviewReportContent(review: Review, allReviews: readonly Review[]): SheetContent {
  const byYear = [...allReviews].sort((a, b) => a.year - b.year);
  const earlier = byYear.filter((other) => other.year < review.year).reverse();

  const summary = summaryBlock(review);
  const areas = areasBlock(review, earlier, summary.row + summary.cells.length + SECTION_GAP);
  const actions = actionsBlock(review, areas.row + areas.cells.length + SECTION_GAP);
  const trend = trendBlock(byYear, actions.row + actions.cells.length + SECTION_GAP);

  return {
    preferredName: `Review ${review.year}`,
    key: `review-report:${review.year}`,
    title: `Annual review of the sales system, ${review.year}`,
    blocks: [summary, areas, actions, trend],
    charts: [
      {
        name: "SPM review trend",
        title: "Average review score by year",
        categories: columnRange(trend.row + 1, 0, byYear.length),
        series: columnRange(trend.row, 1, byYear.length + 1),
        anchor: { row: trend.row + trend.cells.length + SECTION_GAP, column: 0 },
      },
    ],
  };
}
