/**
 * The KPI dashboard. It lists the channels with their effectiveness figures, cost-of-sales ratio
 * and attainment of the year's revenue target, then the stimulation actions with their budget
 * variance and uplift, then the people with their quota and target. A chart shows the revenue
 * targets by quarter. The records' figures are written as values and every KPI is a formula over them, so
 * a figure corrected in the sheet updates its KPIs.
 */
import { Channel, SalesSystemSnapshot } from "../../model";
import { cellAddress, columnRange } from "./a1";
import { BODY_FIRST_ROW, SheetContent } from "./builtSheet";
import { annualRevenueTarget, quarterlyRevenueTargets } from "./kpiTargets";
import { CellBlock, formula, SheetCell } from "./sheetWriter";

/** Rows left blank between the sections of the dashboard. */
const SECTION_GAP = 1;

/**
 * The KPI formulas of the dashboard, given the addresses of their inputs. Each returns "" while
 * an input is blank, so a record without figures shows an empty KPI rather than an error.
 */
export const KPI_FORMULAS = {
  /** Estimated revenue of a channel: outlets covered × sales per outlet. */
  channelRevenue: (outlets: string, salesPerOutlet: string) =>
    `IF(OR(${outlets}="", ${salesPerOutlet}=""), "", ${outlets}*${salesPerOutlet})`,
  /** Cost of the channel ÷ its estimated revenue, blank rather than #DIV/0! without revenue. */
  costOfSalesRatio: (cost: string, revenue: string) =>
    `IF(OR(${cost}="", ${revenue}="", ${revenue}=0), "", SPM.COST.RATIO(${cost}, ${revenue}))`,
  /** Estimated revenue ÷ revenue target. */
  attainment: (actual: string, target: string) =>
    `IF(OR(${actual}="", ${target}="", ${target}=0), "", SPM.KPI.ATTAINMENT(${actual}, ${target}))`,
  /** Actual cost − budget; above 0 is an overspend. The first column of SPM.COST.VARIANCE. */
  budgetVariance: (actual: string, budget: string) =>
    `IF(OR(${actual}="", ${budget}=""), "", INDEX(SPM.COST.VARIANCE(${actual}, ${budget}), 1, 1))`,
  /** (Actual cost − budget) ÷ |budget|, the second column of SPM.COST.VARIANCE. */
  budgetVariancePercent: (actual: string, budget: string) =>
    `IF(OR(${actual}="", ${budget}="", ${budget}=0), "", INDEX(SPM.COST.VARIANCE(${actual}, ${budget}), 1, 2))`,
} as const;

/** Returns a number field of a record, or a blank cell when it is not set. */
function optionalNumber(value: number | undefined): SheetCell {
  return value ?? null;
}

/** Builds the channels table with estimated revenue, cost-of-sales ratio and attainment. */
function channelsBlock(snapshot: SalesSystemSnapshot, year: number, row: number): CellBlock {
  const header: SheetCell[] = [
    "Channel",
    "Type",
    "Outlets covered",
    "Sales per outlet",
    "Estimated revenue",
    "Channel cost",
    "Cost-of-sales ratio",
    `Revenue target ${year}`,
    "Attainment",
  ];
  const rows = snapshot.channel.map((channel, index): SheetCell[] => {
    const r = row + 1 + index;
    const at = (column: number): string => cellAddress(r, column);
    return [
      channel.name,
      channel.type,
      optionalNumber(channel.effectiveness.outletsCovered),
      optionalNumber(channel.effectiveness.salesPerOutlet),
      formula(KPI_FORMULAS.channelRevenue(at(2), at(3))),
      optionalNumber(channel.effectiveness.channelCost),
      formula(KPI_FORMULAS.costOfSalesRatio(at(5), at(4))),
      optionalNumber(annualRevenueTarget(snapshot.target, channel.id, year)),
      formula(KPI_FORMULAS.attainment(at(4), at(7))),
    ];
  });
  return { row, column: 0, cells: [header, ...rows] };
}

/** Builds the stimulation actions table with budget variance and uplift. */
function actionsBlock(snapshot: SalesSystemSnapshot, row: number): CellBlock {
  const channelNames = new Map(
    snapshot.channel.map((channel: Channel) => [channel.id, channel.name]),
  );
  const header: SheetCell[] = [
    "Stimulation action",
    "Channel",
    "Status",
    "Start",
    "End",
    "Budget",
    "Actual cost",
    "Budget variance",
    "Budget variance %",
    "Expected uplift %",
    "Measured uplift %",
  ];
  const rows = snapshot.stimulationAction.map((action, index): SheetCell[] => {
    const r = row + 1 + index;
    const at = (column: number): string => cellAddress(r, column);
    return [
      action.name,
      channelNames.get(action.channelId) ?? "",
      action.status,
      action.startDate ?? "",
      action.endDate ?? "",
      optionalNumber(action.budget),
      optionalNumber(action.actualCost),
      formula(KPI_FORMULAS.budgetVariance(at(6), at(5))),
      formula(KPI_FORMULAS.budgetVariancePercent(at(6), at(5))),
      optionalNumber(action.expectedUpliftPercent),
      optionalNumber(action.measuredUpliftPercent),
    ];
  });
  return { row, column: 0, cells: [header, ...rows] };
}

/** Builds the people table with stage, quota and revenue target of the year. */
function peopleBlock(snapshot: SalesSystemSnapshot, year: number, row: number): CellBlock {
  const header: SheetCell[] = ["Person", "Stage", "Quota", `Revenue target ${year}`];
  const rows = snapshot.person.map((person): SheetCell[] => [
    person.name,
    person.stage,
    optionalNumber(person.quota),
    optionalNumber(annualRevenueTarget(snapshot.target, person.id, year)),
  ]);
  return { row, column: 0, cells: [header, ...rows] };
}

/** Builds the revenue targets per quarter of the year by subject type, for the chart. */
function quartersBlock(snapshot: SalesSystemSnapshot, year: number, row: number): CellBlock {
  const channels = quarterlyRevenueTargets(snapshot.target, "channel", year);
  const people = quarterlyRevenueTargets(snapshot.target, "person", year);
  const groups = quarterlyRevenueTargets(snapshot.target, "targetGroup", year);
  const rows = [0, 1, 2, 3].map((q): SheetCell[] => [
    `${year}-Q${q + 1}`,
    channels[q],
    people[q],
    groups[q],
  ]);
  return {
    row,
    column: 0,
    cells: [["Quarter", "Channel targets", "People targets", "Target group targets"], ...rows],
  };
}

/** Lays out the KPI dashboard of `snapshot` for the year of `now`. */
export function kpiDashboardContent(snapshot: SalesSystemSnapshot, now: Date): SheetContent {
  const year = now.getUTCFullYear();
  const channels = channelsBlock(snapshot, year, BODY_FIRST_ROW);
  const actions = actionsBlock(snapshot, channels.row + channels.cells.length + SECTION_GAP);
  const people = peopleBlock(snapshot, year, actions.row + actions.cells.length + SECTION_GAP);
  const quarters = quartersBlock(snapshot, year, people.row + people.cells.length + SECTION_GAP);

  return {
    preferredName: "KPI dashboard",
    key: "kpi-dashboard",
    title: `Sales KPI dashboard, ${year}`,
    blocks: [channels, actions, people, quarters],
    charts: [
      {
        name: "SPM revenue targets",
        title: `Revenue targets by quarter, ${year}`,
        categories: columnRange(quarters.row + 1, 0, 4),
        series: { row: quarters.row, column: 1, rowCount: 5, columnCount: 3 },
        anchor: { row: quarters.row + quarters.cells.length + SECTION_GAP, column: 0 },
      },
    ],
  };
}
