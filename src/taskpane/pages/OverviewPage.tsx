/**
 * The overview: how many records of each kind exist, the alerts that need attention, each
 * channel's revenue target beside its actual sales of the year, the year's revenue targets, and
 * the KPI dashboard action.
 */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { ChartMultipleRegular } from "@fluentui/react-icons";
import { RECORD_TYPES, RecordType, SalesSystemSnapshot } from "../../model";
import { annualRevenueTarget } from "../../workbook/actions/kpiTargets";
import type { ActionProgress } from "../../workbook/actions/workbookActions";
import { AlertPage, computeAlerts } from "../alerts";
import { ActionProgressBar, FailureBar, SuccessBar } from "../components/feedback";
import { Section, useLayoutStyles } from "../components/layout";
import { PlanActualTable } from "../components/PlanActualTable";
import { useServices } from "../services";
import { useSave } from "../useSave";
import { SnapshotState } from "../useSnapshot";

/** Plural names of the record types in the counts table. */
const PLURAL_LABELS: Record<RecordType, string> = {
  targetGroup: "Target groups",
  channel: "Channels",
  stimulationAction: "Stimulation actions",
  organisationUnit: "Organisation units",
  role: "Roles",
  person: "People",
  target: "Targets",
  review: "Reviews",
};

/** Sums the revenue targets of the year of every channel, person and target group. */
function revenueTargets(snapshot: SalesSystemSnapshot, year: number) {
  const total = (ids: readonly { id: string }[]): number | undefined => {
    const values = ids
      .map((record) => annualRevenueTarget(snapshot.target, record.id, year))
      .filter((value): value is number => value !== undefined);
    return values.length === 0 ? undefined : values.reduce((sum, value) => sum + value, 0);
  };
  return [
    { label: "Channels", value: total(snapshot.channel) },
    { label: "People", value: total(snapshot.person) },
    { label: "Target groups", value: total(snapshot.targetGroup) },
  ];
}

/** Renders the KPI dashboard button with its progress. */
function KpiDashboardAction(): React.JSX.Element {
  const { workbook } = useServices();
  const save = useSave();
  const [progress, setProgress] = React.useState<ActionProgress | undefined>();
  const [built, setBuilt] = React.useState<string | undefined>();

  const build = async (): Promise<void> => {
    setBuilt(undefined);
    await save.run("Building the KPI dashboard", async () => {
      const result = await workbook.buildKpiDashboard(setProgress);
      setBuilt(`The sheet "${result.sheetName}" is up to date.`);
    });
    setProgress(undefined);
  };

  return (
    <>
      <Button icon={<ChartMultipleRegular />} onClick={build} disabled={save.busy}>
        Build KPI dashboard
      </Button>
      <ActionProgressBar progress={progress} />
      <FailureBar failure={save.failure} onDismiss={save.clear} />
      <SuccessBar message={built} />
    </>
  );
}

/** Renders the overview page; `onNavigate` opens the page an alert points to. */
export function OverviewPage(props: {
  data: SnapshotState;
  onNavigate(page: AlertPage): void;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  const { snapshot } = props.data;
  const today = new Date();
  const alerts = computeAlerts(snapshot, today);
  const year = today.getUTCFullYear();

  return (
    <div className={styles.section}>
      <Section id="alerts" title="Needs attention">
        {alerts.length === 0 && <SuccessBar message="Nothing needs attention today." />}
        {alerts.map((alert) => (
          <MessageBar key={alert.key} intent={alert.intent} layout="multiline">
            <MessageBarBody>{alert.message}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => props.onNavigate(alert.page)}>
                Open
              </Button>
            </MessageBarActions>
          </MessageBar>
        ))}
      </Section>

      <Section id="counts" title="Records">
        <Table size="small" aria-labelledby="counts">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell>Count</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {RECORD_TYPES.map((type) => (
              <TableRow key={type}>
                <TableCell>{PLURAL_LABELS[type]}</TableCell>
                <TableCell>{snapshot[type].length}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section id="plan-actuals" title="Channel plan and actuals">
        <PlanActualTable snapshot={snapshot} defaultYear={year} />
      </Section>

      <Section id="plan" title={`Revenue targets ${year}`}>
        <Table size="small" aria-labelledby="plan">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Set for</TableHeaderCell>
              <TableHeaderCell>Target</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {revenueTargets(snapshot, year).map((row) => (
              <TableRow key={row.label}>
                <TableCell>{row.label}</TableCell>
                <TableCell>
                  {row.value === undefined ? "none" : row.value.toLocaleString()}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>

      <Section id="workbook-actions" title="Workbook">
        <KpiDashboardAction />
      </Section>
    </div>
  );
}
