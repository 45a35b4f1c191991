/** Builds or updates the forecast sheet of a channel or target group. */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { DataLineRegular } from "@fluentui/react-icons";
import { ForecastMethod } from "../../model";
import type { ActionProgress, ForecastSubject } from "../../workbook/actions/workbookActions";
import { FORECAST_METHOD_OPTIONS } from "../labels";
import { parseNumberInput } from "../formState";
import { useServices } from "../services";
import { useSave } from "../useSave";
import { ChoiceField, NumberField, TextField } from "./fields";
import { ActionProgressBar, FailureBar, SuccessBar } from "./feedback";
import { Section, useLayoutStyles } from "./layout";

/** Forecast horizon the panel proposes: a year of monthly periods. */
const DEFAULT_HORIZON = "12";

/** Returns a whole number of 1 or more, or a message naming the field. */
function wholeNumber(text: string, label: string): number | string | undefined {
  const parsed = parseNumberInput(text);
  if (parsed === undefined) {
    return undefined;
  }
  if (typeof parsed !== "number" || !Number.isInteger(parsed) || parsed < 1) {
    return `${label} is "${text}" but must be a whole number of 1 or more.`;
  }
  return parsed;
}

/** Properties of the forecast sheet panel. */
export interface ForecastSheetPanelProps {
  subject: ForecastSubject;
  /** The channel's own history source and method, proposed in the fields. */
  historySource?: string;
  method?: ForecastMethod;
}

/** Fields of a forecast sheet and the button that builds it, with its progress. */
export function ForecastSheetPanel(props: ForecastSheetPanelProps): React.JSX.Element {
  const styles = useLayoutStyles();
  const { workbook } = useServices();
  const save = useSave();
  const [source, setSource] = React.useState(props.historySource ?? "");
  const [method, setMethod] = React.useState<string>(props.method ?? "holtWinters");
  const [horizon, setHorizon] = React.useState(DEFAULT_HORIZON);
  const [season, setSeason] = React.useState("");
  const [progress, setProgress] = React.useState<ActionProgress | undefined>();
  const [localMessages, setLocalMessages] = React.useState<Record<string, string>>({});
  const [built, setBuilt] = React.useState<string | undefined>();

  const build = async (): Promise<void> => {
    const horizonValue = wholeNumber(horizon, "Horizon") ?? "Horizon is empty; enter a value.";
    const seasonValue = wholeNumber(season, "Season length");
    const messages: Record<string, string> = {};
    if (typeof horizonValue === "string") messages.horizon = horizonValue;
    if (typeof seasonValue === "string") messages.season = seasonValue;
    setLocalMessages(messages);
    if (Object.keys(messages).length > 0) {
      return;
    }

    setBuilt(undefined);
    await save.run(
      "Building the forecast sheet",
      async () => {
        const result = await workbook.buildForecastSheet(
          props.subject,
          {
            method: method as ForecastMethod,
            horizon: horizonValue as number,
            seasonLength: seasonValue as number | undefined,
            historySource: source.trim() === "" ? undefined : source,
          },
          setProgress,
        );
        setBuilt(`The sheet "${result.sheetName}" is up to date.`);
      },
      { ids: { [props.subject.type]: props.subject.id } },
    );
    setProgress(undefined);
  };

  return (
    <Section id={`forecast-${props.subject.id}`} title="Forecast sheet">
      <TextField
        label="Sales history range"
        hint="One row or column of sales, such as 'Sales by channel'!B2:B61."
        value={source}
        onChange={setSource}
      />
      <ChoiceField
        label="Forecast method"
        options={FORECAST_METHOD_OPTIONS}
        value={method}
        onChange={setMethod}
      />
      <div className={styles.row}>
        <NumberField
          label="Horizon (periods)"
          value={horizon}
          onChange={setHorizon}
          message={localMessages.horizon}
        />
        <NumberField
          label="Season length"
          hint="Blank: 12 for monthly sales with a first month set, otherwise detected."
          value={season}
          onChange={setSeason}
          message={localMessages.season}
        />
      </div>
      <Button icon={<DataLineRegular />} onClick={build} disabled={save.busy}>
        Build forecast sheet
      </Button>
      <ActionProgressBar progress={progress} />
      <FailureBar failure={save.failure} onDismiss={save.clear} />
      <SuccessBar message={built} />
    </Section>
  );
}
