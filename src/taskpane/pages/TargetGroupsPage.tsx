/** Target groups: a searchable list filtered by kind, and an editor with strategy and tactics. */
import * as React from "react";
import { Button, Field, Input, Select } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, SaveRegular } from "@fluentui/react-icons";
import { RecordInput, TargetGroup, TARGET_GROUP_KINDS } from "../../model";
import { ChoiceField, DateField, NumberField, TextField } from "../components/fields";
import { FailureBar, SuccessBar } from "../components/feedback";
import { ForecastSheetPanel } from "../components/ForecastSheetPanel";
import { RecordList, Section, useLayoutStyles } from "../components/layout";
import { messageFor, numberText, optionalInput, parseNumberInput, savedNotice } from "../formState";
import { TARGET_GROUP_KIND_LABELS, TARGET_GROUP_KIND_OPTIONS } from "../labels";
import { useServices } from "../services";
import { useSave } from "../useSave";
import { SnapshotState } from "../useSnapshot";

/** Text fields of the strategy and tactics, with their labels, in form order. */
const STRATEGY_TEXT_FIELDS = [
  ["entryApproach", "Entry approach"],
  ["timeFrameExtension", "Extending the time frame"],
  ["counterProposal", "Counter-proposal"],
  ["competitorSwitching", "Winning clients from competitors"],
  ["retentionTactics", "Retention tactics"],
  ["complaintHandling", "Complaint handling"],
] as const;

type StrategyTextField = (typeof STRATEGY_TEXT_FIELDS)[number][0];

/** Labels that replace field paths in the store's messages. */
const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  kind: "Kind",
  priority: "Priority",
  estimatedPotential: "Estimated potential",
  currentSharePercent: "Current share",
  "strategy.timeFrameStart": "Time frame start",
  "strategy.timeFrameEnd": "Time frame end",
};

/** A target group as the editor keeps it: every field as text. */
interface TargetGroupDraft {
  name: string;
  kind: string;
  parentId: string;
  description: string;
  priority: string;
  estimatedPotential: string;
  currentSharePercent: string;
  owner: string;
  timeFrameStart: string;
  timeFrameEnd: string;
  strategyText: Record<StrategyTextField, string>;
  objections: { objection: string; response: string }[];
}

function toDraft(group: TargetGroup | undefined): TargetGroupDraft {
  const strategy = group?.strategy;
  return {
    name: group?.name ?? "",
    kind: group?.kind ?? "segment",
    parentId: group?.parentId ?? "",
    description: group?.description ?? "",
    priority: numberText(group?.priority),
    estimatedPotential: numberText(group?.estimatedPotential),
    currentSharePercent: numberText(group?.currentSharePercent),
    owner: group?.owner ?? "",
    timeFrameStart: strategy?.timeFrameStart ?? "",
    timeFrameEnd: strategy?.timeFrameEnd ?? "",
    strategyText: Object.fromEntries(
      STRATEGY_TEXT_FIELDS.map(([field]) => [field, strategy?.[field] ?? ""]),
    ) as Record<StrategyTextField, string>,
    objections: (strategy?.objections ?? []).map((item) => ({ ...item })),
  };
}

/** Converts the draft into record input; mistyped numbers pass through for the store to name. */
function toInput(draft: TargetGroupDraft): RecordInput<"targetGroup"> {
  return {
    name: draft.name,
    kind: draft.kind as TargetGroup["kind"],
    parentId: optionalInput(draft.parentId),
    description: draft.description,
    priority: parseNumberInput(draft.priority) as number | undefined,
    estimatedPotential: parseNumberInput(draft.estimatedPotential) as number | undefined,
    currentSharePercent: parseNumberInput(draft.currentSharePercent) as number | undefined,
    owner: draft.owner,
    strategy: {
      ...draft.strategyText,
      timeFrameStart: optionalInput(draft.timeFrameStart),
      timeFrameEnd: optionalInput(draft.timeFrameEnd),
      objections: draft.objections,
    },
  };
}

/** Editor of one target group, new when `group` is undefined. */
function TargetGroupEditor(props: {
  group: TargetGroup | undefined;
  groups: readonly TargetGroup[];
  onSaved(id: string | undefined): void;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  const { store } = useServices();
  const save = useSave();
  // The record as loaded: the store merges per field against it, so a colleague's change to a
  // field this editor left alone is kept.
  const [base] = React.useState(props.group);
  const [draft, setDraft] = React.useState(() => toDraft(props.group));
  const set = (changes: Partial<TargetGroupDraft>): void =>
    setDraft((previous) => ({ ...previous, ...changes }));
  const message = (field: string): string | undefined => messageFor(save.messages, field);

  const submit = async (): Promise<void> => {
    let savedId: string | undefined;
    const saved = await save.run(
      "Saving the target group",
      async () => {
        const input = toInput(draft);
        if (props.group === undefined) {
          savedId = (await store.create("targetGroup", input)).id;
          return undefined;
        } else {
          const result = await store.update("targetGroup", props.group.id, input, { base });
          savedId = props.group.id;
          return savedNotice("The target group is saved.", result.conflicts);
        }
      },
      { labels: FIELD_LABELS, notice: "The target group is saved." },
    );
    if (saved) props.onSaved(savedId);
  };

  const remove = async (): Promise<void> => {
    if (props.group === undefined) return;
    const id = props.group.id;
    const removed = await save.run("Deleting the target group", () =>
      store.delete("targetGroup", id),
    );
    if (removed) props.onSaved(undefined);
  };

  const parents = props.groups
    .filter((group) => group.id !== props.group?.id)
    .map((group) => ({ value: group.id, label: group.name }));

  return (
    <Section id="target-group-editor" title={props.group ? props.group.name : "New target group"}>
      <TextField
        label="Name"
        required
        value={draft.name}
        message={message("name")}
        onChange={(name) => set({ name })}
      />
      <ChoiceField
        label="Kind"
        options={TARGET_GROUP_KIND_OPTIONS}
        value={draft.kind}
        message={message("kind")}
        onChange={(kind) => set({ kind })}
      />
      <ChoiceField
        label="Inside group"
        emptyLabel="(none)"
        options={parents}
        value={draft.parentId}
        message={message("parentId")}
        onChange={(parentId) => set({ parentId })}
      />
      <div className={styles.row}>
        <NumberField
          label="Priority (1-5)"
          value={draft.priority}
          message={message("priority")}
          onChange={(priority) => set({ priority })}
        />
        <NumberField
          label="Current share %"
          value={draft.currentSharePercent}
          message={message("currentSharePercent")}
          onChange={(currentSharePercent) => set({ currentSharePercent })}
        />
      </div>
      <NumberField
        label="Estimated potential"
        value={draft.estimatedPotential}
        message={message("estimatedPotential")}
        onChange={(estimatedPotential) => set({ estimatedPotential })}
      />
      <TextField
        label="Owner"
        value={draft.owner}
        message={message("owner")}
        onChange={(owner) => set({ owner })}
      />
      <TextField
        label="Description"
        multiline
        value={draft.description}
        message={message("description")}
        onChange={(description) => set({ description })}
      />

      <Section id="strategy" title="Strategy and tactics">
        <div className={styles.row}>
          <DateField
            label="Time frame start"
            value={draft.timeFrameStart}
            message={message("strategy.timeFrameStart")}
            onChange={(timeFrameStart) => set({ timeFrameStart })}
          />
          <DateField
            label="Time frame end"
            value={draft.timeFrameEnd}
            message={message("strategy.timeFrameEnd")}
            onChange={(timeFrameEnd) => set({ timeFrameEnd })}
          />
        </div>
        {STRATEGY_TEXT_FIELDS.map(([field, label]) => (
          <TextField
            key={field}
            label={label}
            multiline
            value={draft.strategyText[field]}
            message={message(`strategy.${field}`)}
            onChange={(text) => set({ strategyText: { ...draft.strategyText, [field]: text } })}
          />
        ))}
        <ObjectionsEditor
          draft={draft}
          message={message}
          onChange={(objections) => set({ objections })}
        />
      </Section>

      <div className={styles.row}>
        <Button appearance="primary" icon={<SaveRegular />} onClick={submit} disabled={save.busy}>
          Save
        </Button>
        {props.group && (
          <Button icon={<DeleteRegular />} onClick={remove} disabled={save.busy}>
            Delete
          </Button>
        )}
      </div>
      <FailureBar failure={save.failure} onDismiss={save.clear} />
      <SuccessBar message={save.notice} />
      {props.group && <ForecastSheetPanel subject={{ type: "targetGroup", id: props.group.id }} />}
    </Section>
  );
}

/** Renders the typical objections and their responses, each pair removable. */
function ObjectionsEditor(props: {
  draft: TargetGroupDraft;
  message(field: string): string | undefined;
  onChange(objections: TargetGroupDraft["objections"]): void;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  const objections = props.draft.objections;
  const update = (index: number, changes: Partial<TargetGroupDraft["objections"][number]>): void =>
    props.onChange(objections.map((item, i) => (i === index ? { ...item, ...changes } : item)));

  return (
    <Section id="objections" title="Objections and responses">
      {objections.map((item, index) => (
        <div key={index} className={styles.nested}>
          <TextField
            label={`Objection ${index + 1}`}
            required
            value={item.objection}
            message={props.message(`strategy.objections.${index}.objection`)}
            onChange={(objection) => update(index, { objection })}
          />
          <TextField
            label={`Response ${index + 1}`}
            multiline
            value={item.response}
            message={props.message(`strategy.objections.${index}.response`)}
            onChange={(response) => update(index, { response })}
          />
          <Button
            icon={<DeleteRegular />}
            onClick={() => props.onChange(objections.filter((_, i) => i !== index))}
          >
            Remove objection {index + 1}
          </Button>
        </div>
      ))}
      <Button
        icon={<AddRegular />}
        onClick={() => props.onChange([...objections, { objection: "", response: "" }])}
      >
        Add objection
      </Button>
    </Section>
  );
}

/** Renders the target groups page. */
export function TargetGroupsPage(props: { data: SnapshotState }): React.JSX.Element {
  const styles = useLayoutStyles();
  const groups = props.data.snapshot.targetGroup;
  const [search, setSearch] = React.useState("");
  const [kind, setKind] = React.useState("");
  const [selected, setSelected] = React.useState<string | undefined>();

  const query = search.trim().toLowerCase();
  const visible = groups.filter(
    (group) =>
      (kind === "" || group.kind === kind) &&
      (query === "" || group.name.toLowerCase().includes(query)),
  );
  const selectedGroup = groups.find((group) => group.id === selected);

  return (
    <div className={styles.section}>
      <Section id="target-group-list" title="Target groups">
        <div className={styles.row}>
          <Field label="Search by name">
            <Input type="search" value={search} onChange={(_, data) => setSearch(data.value)} />
          </Field>
          <Field label="Kind">
            <Select value={kind} onChange={(_, data) => setKind(data.value)}>
              <option value="">All kinds</option>
              {TARGET_GROUP_KINDS.map((value) => (
                <option key={value} value={value}>
                  {TARGET_GROUP_KIND_LABELS[value]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <RecordList
          label="Target groups"
          entries={visible.map((group) => ({
            id: group.id,
            title: group.name,
            detail: TARGET_GROUP_KIND_LABELS[group.kind],
          }))}
          selectedId={selected}
          emptyText={groups.length === 0 ? "No target groups yet." : "No target group matches."}
          onSelect={setSelected}
        />
        <Button icon={<AddRegular />} onClick={() => setSelected("new")}>
          New target group
        </Button>
      </Section>
      {selected !== undefined && (selected === "new" || selectedGroup !== undefined) && (
        <TargetGroupEditor
          key={selected}
          group={selectedGroup}
          groups={groups}
          onSaved={(id) => setSelected(id)}
        />
      )}
    </div>
  );
}
