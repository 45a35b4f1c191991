/** The stimulation actions of one channel: a list and an editor with budget, dates and status. */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, SaveRegular } from "@fluentui/react-icons";
import { RecordInput, StimulationAction } from "../../model";
import { messageFor, numberText, optionalInput, parseNumberInput, savedNotice } from "../formState";
import {
  STIMULATION_KIND_OPTIONS,
  STIMULATION_STATUS_LABELS,
  STIMULATION_STATUS_OPTIONS,
} from "../labels";
import { useServices } from "../services";
import { useSave } from "../useSave";
import { ChoiceField, DateField, NumberField, TextField } from "./fields";
import { FailureBar, SuccessBar } from "./feedback";
import { RecordList, Section, useLayoutStyles } from "./layout";

const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  startDate: "Start date",
  endDate: "End date",
  budget: "Budget",
  actualCost: "Actual cost",
  expectedUpliftPercent: "Expected uplift",
  measuredUpliftPercent: "Measured uplift",
};

/** A stimulation action as the editor keeps it: every field as text. */
type ActionDraft = Record<
  | "name"
  | "kind"
  | "status"
  | "startDate"
  | "endDate"
  | "budget"
  | "actualCost"
  | "expectedUpliftPercent"
  | "measuredUpliftPercent"
  | "description",
  string
>;

function toDraft(action: StimulationAction | undefined): ActionDraft {
  return {
    name: action?.name ?? "",
    kind: action?.kind ?? "promotion",
    status: action?.status ?? "planned",
    startDate: action?.startDate ?? "",
    endDate: action?.endDate ?? "",
    budget: numberText(action?.budget),
    actualCost: numberText(action?.actualCost),
    expectedUpliftPercent: numberText(action?.expectedUpliftPercent),
    measuredUpliftPercent: numberText(action?.measuredUpliftPercent),
    description: action?.description ?? "",
  };
}

function toInput(draft: ActionDraft, channelId: string): RecordInput<"stimulationAction"> {
  const number = (text: string): number | undefined => parseNumberInput(text) as number | undefined;
  return {
    name: draft.name,
    channelId,
    kind: draft.kind as StimulationAction["kind"],
    status: draft.status as StimulationAction["status"],
    startDate: optionalInput(draft.startDate),
    endDate: optionalInput(draft.endDate),
    budget: number(draft.budget),
    actualCost: number(draft.actualCost),
    expectedUpliftPercent: number(draft.expectedUpliftPercent),
    measuredUpliftPercent: number(draft.measuredUpliftPercent),
    description: draft.description,
  };
}

function ActionEditor(props: {
  channelId: string;
  action: StimulationAction | undefined;
  onDone(id: string | undefined): void;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  const { store } = useServices();
  const save = useSave();
  const [base] = React.useState(props.action);
  const [draft, setDraft] = React.useState(() => toDraft(props.action));
  const field = (name: keyof ActionDraft) => ({
    value: draft[name],
    message: messageFor(save.messages, name),
    onChange: (value: string) => setDraft((previous) => ({ ...previous, [name]: value })),
  });

  const submit = async (): Promise<void> => {
    let id: string | undefined;
    const saved = await save.run(
      "Saving the stimulation action",
      async () => {
        const input = toInput(draft, props.channelId);
        if (props.action === undefined) {
          id = (await store.create("stimulationAction", input)).id;
          return undefined;
        } else {
          const result = await store.update("stimulationAction", props.action.id, input, { base });
          id = props.action.id;
          return savedNotice("The stimulation action is saved.", result.conflicts);
        }
      },
      { labels: FIELD_LABELS, notice: "The stimulation action is saved." },
    );
    if (saved) props.onDone(id);
  };

  const remove = async (): Promise<void> => {
    const id = props.action?.id;
    if (id === undefined) return;
    const removed = await save.run("Deleting the stimulation action", () =>
      store.delete("stimulationAction", id),
    );
    if (removed) props.onDone(undefined);
  };

  return (
    <div className={styles.nested}>
      <TextField label="Action name" required {...field("name")} />
      <div className={styles.row}>
        <ChoiceField label="Kind" options={STIMULATION_KIND_OPTIONS} {...field("kind")} />
        <ChoiceField label="Status" options={STIMULATION_STATUS_OPTIONS} {...field("status")} />
      </div>
      <div className={styles.row}>
        <DateField label="Start date" {...field("startDate")} />
        <DateField label="End date" {...field("endDate")} />
      </div>
      <div className={styles.row}>
        <NumberField label="Budget" {...field("budget")} />
        <NumberField label="Actual cost" {...field("actualCost")} />
      </div>
      <div className={styles.row}>
        <NumberField label="Expected uplift %" {...field("expectedUpliftPercent")} />
        <NumberField label="Measured uplift %" {...field("measuredUpliftPercent")} />
      </div>
      <TextField label="Action description" multiline {...field("description")} />
      <div className={styles.row}>
        <Button appearance="primary" icon={<SaveRegular />} onClick={submit} disabled={save.busy}>
          Save action
        </Button>
        {props.action && (
          <Button icon={<DeleteRegular />} onClick={remove} disabled={save.busy}>
            Delete action
          </Button>
        )}
      </div>
      <FailureBar failure={save.failure} onDismiss={save.clear} />
      <SuccessBar message={save.notice} />
    </div>
  );
}

/** Lists the channel's stimulation actions and edits one at a time. */
export function StimulationActionsPanel(props: {
  channelId: string;
  actions: readonly StimulationAction[];
}): React.JSX.Element {
  const [selected, setSelected] = React.useState<string | undefined>();
  const own = props.actions.filter((action) => action.channelId === props.channelId);
  const selectedAction = own.find((action) => action.id === selected);

  return (
    <Section id={`stimulation-${props.channelId}`} title="Stimulation actions">
      <RecordList
        label="Stimulation actions"
        entries={own.map((action) => ({
          id: action.id,
          title: action.name,
          detail: [
            STIMULATION_STATUS_LABELS[action.status],
            action.endDate && `ends ${action.endDate}`,
          ]
            .filter(Boolean)
            .join(", "),
        }))}
        selectedId={selected}
        emptyText="No stimulation actions yet."
        onSelect={setSelected}
      />
      <Button icon={<AddRegular />} onClick={() => setSelected("new")}>
        New stimulation action
      </Button>
      {(selected === "new" || selectedAction !== undefined) && (
        <ActionEditor
          key={selected}
          channelId={props.channelId}
          action={selectedAction}
          onDone={setSelected}
        />
      )}
    </Section>
  );
}
