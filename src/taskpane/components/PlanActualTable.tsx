/**
 * The year's revenue target of each channel beside its actual sales to date, read from the
 * channel's monthly sales history in the workbook.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons";
import { Channel, SalesSystemSnapshot } from "../../model";
import { annualRevenueTarget } from "../../workbook/actions/kpiTargets";
import type { ChannelActual } from "../../workbook/actions/workbookActions";
import { describeFailure, FailureReport } from "../failure";
import { useServices } from "../services";
import { FailureBar } from "./feedback";
import { NumberField } from "./fields";

/** One row of the table: a channel with its target and actual sales of the year. */
interface PlanRow {
  channel: Channel;
  target: number | undefined;
  actual: ChannelActual | undefined;
}

/** Attainment of `actual` against `target` as a percentage text, or a dash. */
function attainmentText(actual: number | undefined, target: number | undefined): string {
  if (actual === undefined || target === undefined || target === 0) {
    return "–";
  }
  return `${((actual / target) * 100).toFixed(1)} %`;
}

/** Builds a key that changes with any channel's history range or first month, to read again. */
function sourcesKey(snapshot: SalesSystemSnapshot): string {
  return JSON.stringify([
    snapshot.channel.map((channel) => [
      channel.id,
      channel.salesHistorySource,
      channel.salesHistoryStart,
    ]),
  ]);
}

/** Earliest and latest year the table accepts, so a typo such as 225 reads nothing. */
const YEAR_RANGE = { min: 1900, max: 9999 };

/** Renders the plan against actuals for every channel, for a year the user picks. */
export function PlanActualTable(props: {
  snapshot: SalesSystemSnapshot;
  defaultYear: number;
}): React.JSX.Element {
  const { snapshot } = props;
  const [yearText, setYearText] = React.useState(String(props.defaultYear));
  const typed = Number(yearText);
  const valid = Number.isInteger(typed) && typed >= YEAR_RANGE.min && typed <= YEAR_RANGE.max;
  const [year, setYear] = React.useState(props.defaultYear);
  React.useEffect(() => {
    if (valid) {
      setYear(typed);
    }
  }, [valid, typed]);

  return (
    <>
      <NumberField
        label="Year"
        value={yearText}
        message={valid ? undefined : `Enter a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}.`}
        onChange={setYearText}
      />
      <YearTable snapshot={snapshot} year={year} />
    </>
  );
}

/** Renders the plan against actuals of `year` for every channel. */
function YearTable(props: { snapshot: SalesSystemSnapshot; year: number }): React.JSX.Element {
  const { workbook } = useServices();
  const { snapshot, year } = props;
  const [actuals, setActuals] = React.useState<ChannelActual[] | undefined>();
  const [failure, setFailure] = React.useState<FailureReport | undefined>();
  const [reads, setReads] = React.useState(0);
  const key = sourcesKey(snapshot);

  React.useEffect(() => {
    let current = true;
    setFailure(undefined);
    workbook.readChannelActuals(year).then(
      (found) => current && setActuals(found),
      (error: unknown) => current && setFailure(describeFailure("Reading the actual sales", error)),
    );
    return () => {
      current = false;
    };
  }, [workbook, year, key, reads]);

  const byChannel = new Map((actuals ?? []).map((actual) => [actual.channelId, actual]));
  const rows: PlanRow[] = snapshot.channel.map((channel) => ({
    channel,
    target: annualRevenueTarget(snapshot.target, channel.id, year),
    actual: byChannel.get(channel.id),
  }));
  const found = rows.filter((row) => row.actual?.status === "found" && row.target !== undefined);
  const totalActual = found.reduce((sum, row) => sum + actualTotal(row.actual), 0);
  const totalTarget = found.reduce((sum, row) => sum + (row.target ?? 0), 0);

  if (snapshot.channel.length === 0) {
    return <Caption1>No channels yet; add one on the Channels page.</Caption1>;
  }
  return (
    <>
      <Table size="small" aria-label={`Channel targets and actual sales ${year}`}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Channel</TableHeaderCell>
            <TableHeaderCell>Target</TableHeaderCell>
            <TableHeaderCell>Actual to date</TableHeaderCell>
            <TableHeaderCell>Attainment</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.channel.id}>
              <TableCell>{row.channel.name}</TableCell>
              <TableCell>
                {row.target === undefined ? "none" : row.target.toLocaleString()}
              </TableCell>
              <TableCell>
                <ActualCell actual={row.actual} loading={actuals === undefined && !failure} />
              </TableCell>
              <TableCell>
                {attainmentText(
                  row.actual?.status === "found" ? row.actual.total : undefined,
                  row.target,
                )}
              </TableCell>
            </TableRow>
          ))}
          {found.length > 1 && (
            <TableRow>
              <TableCell>Channels with both</TableCell>
              <TableCell>{totalTarget.toLocaleString()}</TableCell>
              <TableCell>{totalActual.toLocaleString()}</TableCell>
              <TableCell>{attainmentText(totalActual, totalTarget)}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <Button
        size="small"
        icon={<ArrowClockwiseRegular />}
        onClick={() => setReads((count) => count + 1)}
      >
        Refresh actuals
      </Button>
      <FailureBar failure={failure} onDismiss={() => setFailure(undefined)} />
    </>
  );
}

function actualTotal(actual: ChannelActual | undefined): number {
  return actual?.status === "found" ? actual.total : 0;
}

/** Renders the actual sales of a channel with the months they cover, or why there are none. */
function ActualCell(props: {
  actual: ChannelActual | undefined;
  loading: boolean;
}): React.JSX.Element {
  if (props.actual === undefined) {
    return props.loading ? <Spinner size="extra-tiny" label="Reading" /> : <>–</>;
  }
  if (props.actual.status === "none") {
    return <Caption1>{props.actual.reason}</Caption1>;
  }
  const { total, months, lastMonth } = props.actual;
  return (
    <>
      {total.toLocaleString()}{" "}
      <Caption1>
        ({months} {months === 1 ? "month" : "months"} to {lastMonth})
      </Caption1>
    </>
  );
}
