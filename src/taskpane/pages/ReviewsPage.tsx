/**
 * The annual review of the sales system, guided area by area: a score and findings per area
 * beside the scores of earlier years, the adjustment actions with owners and due dates, and
 * finalising, which locks the review. A final review can be turned into a report sheet.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Field,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import {
  AddRegular,
  ArrowLeftRegular,
  ArrowRightRegular,
  DeleteRegular,
  DocumentTableRegular,
  LockClosedRegular,
  SaveRegular,
} from "@fluentui/react-icons";
import { Review, REVIEW_AREAS, ReviewArea, startNextReview } from "../../model";
import type { ActionProgress } from "../../workbook/actions/workbookActions";
import { DateField, ChoiceField, TextField } from "../components/fields";
import { ActionProgressBar, FailureBar, SuccessBar } from "../components/feedback";
import { RecordList, Section, useLayoutStyles } from "../components/layout";
import { messageFor, optionalInput, savedNotice } from "../formState";
import { ADJUSTMENT_STATUS_OPTIONS, REVIEW_AREA_LABELS } from "../labels";
import { useServices } from "../services";
import { useSave } from "../useSave";
import { SnapshotState } from "../useSnapshot";

/** Scores a review area can get, from 1 (poor) to 5 (excellent). */
const SCORES = ["1", "2", "3", "4", "5"];

/** Labels of the review fields that replace their paths in the store's messages. */
const FIELD_LABELS: Record<string, string> = {
  date: "Review date",
  ...Object.fromEntries(
    REVIEW_AREAS.map((area) => [`areas.${area}.score`, `Score of ${REVIEW_AREA_LABELS[area]}`]),
  ),
};

/** An adjustment action as the editor keeps it. */
interface ActionDraft {
  id: string;
  description: string;
  owner: string;
  dueDate: string;
  status: string;
}

/** A draft review as the editor keeps it. */
interface ReviewDraft {
  date: string;
  participants: string;
  areas: Record<ReviewArea, { score: string; findings: string }>;
  actions: ActionDraft[];
}

function toDraft(review: Review): ReviewDraft {
  return {
    date: review.date ?? "",
    participants: review.participants.join(", "),
    areas: Object.fromEntries(
      REVIEW_AREAS.map((area) => [
        area,
        {
          score: review.areas[area].score === undefined ? "" : String(review.areas[area].score),
          findings: review.areas[area].findings,
        },
      ]),
    ) as ReviewDraft["areas"],
    actions: review.actions.map((action) => ({ ...action, dueDate: action.dueDate ?? "" })),
  };
}

/** Converts the draft into review changes; `status` final makes the store lock it. */
function toChanges(draft: ReviewDraft, status: Review["status"]) {
  return {
    status,
    date: optionalInput(draft.date),
    participants: draft.participants
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== ""),
    areas: Object.fromEntries(
      REVIEW_AREAS.map((area) => [
        area,
        {
          score: draft.areas[area].score === "" ? undefined : Number(draft.areas[area].score),
          findings: draft.areas[area].findings,
        },
      ]),
    ),
    actions: draft.actions.map((action) => ({
      id: action.id,
      description: action.description,
      owner: action.owner,
      dueDate: optionalInput(action.dueDate),
      status: action.status as Review["actions"][number]["status"],
    })),
  };
}

/** This year's score of every area beside the scores of the earlier years. */
function ScoresTable(props: { review: Review; draft: ReviewDraft; earlier: readonly Review[] }) {
  return (
    <Table size="small" aria-label="Scores by area and year">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Area</TableHeaderCell>
          <TableHeaderCell>{props.review.year}</TableHeaderCell>
          {props.earlier.map((review) => (
            <TableHeaderCell key={review.id}>{review.year}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {REVIEW_AREAS.map((area) => (
          <TableRow key={area}>
            <TableCell>{REVIEW_AREA_LABELS[area]}</TableCell>
            <TableCell>{props.draft.areas[area].score || "–"}</TableCell>
            {props.earlier.map((review) => (
              <TableCell key={review.id}>{review.areas[area].score ?? "–"}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Renders one area of the guided review: its score, findings and earlier scores. */
function AreaStep(props: {
  area: ReviewArea;
  step: number;
  draft: ReviewDraft;
  earlier: readonly Review[];
  readOnly: boolean;
  message?: string;
  onChange(changes: Partial<ReviewDraft["areas"][ReviewArea]>): void;
}): React.JSX.Element {
  const assessment = props.draft.areas[props.area];
  const label = REVIEW_AREA_LABELS[props.area];
  const history = props.earlier
    .map((review) => `${review.year}: ${review.areas[props.area].score ?? "–"}`)
    .join(", ");
  return (
    <Section id={`area-${props.area}`} title={`Area ${props.step + 1} of 9: ${label}`}>
      {history !== "" && <Caption1>Earlier scores: {history}</Caption1>}
      <Field
        label={`Score of ${label} (1 poor, 5 excellent)`}
        validationState={props.message ? "error" : "none"}
        validationMessage={props.message}
      >
        <RadioGroup
          layout="horizontal"
          value={assessment.score}
          disabled={props.readOnly}
          onChange={(_, data) => props.onChange({ score: data.value })}
        >
          {SCORES.map((score) => (
            <Radio key={score} value={score} label={score} />
          ))}
        </RadioGroup>
      </Field>
      <TextField
        label={`Findings on ${label}`}
        multiline
        disabled={props.readOnly}
        value={assessment.findings}
        onChange={(findings) => props.onChange({ findings })}
      />
    </Section>
  );
}

/** Renders the adjustment actions with their owners, due dates and statuses. */
function ActionsStep(props: {
  draft: ReviewDraft;
  readOnly: boolean;
  messages: Record<string, string>;
  onChange(actions: ActionDraft[]): void;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  const actions = props.draft.actions;
  const update = (index: number, changes: Partial<ActionDraft>): void =>
    props.onChange(actions.map((action, i) => (i === index ? { ...action, ...changes } : action)));
  const message = (index: number, field: string): string | undefined =>
    messageFor(props.messages, `actions.${index}.${field}`);

  return (
    <Section id="review-actions" title="Adjustment actions">
      {actions.length === 0 && <Caption1>No adjustment actions yet.</Caption1>}
      {actions.map((action, index) => (
        <div key={action.id} className={styles.nested}>
          <TextField
            label={`Action ${index + 1}`}
            required
            disabled={props.readOnly}
            value={action.description}
            message={message(index, "description")}
            onChange={(description) => update(index, { description })}
          />
          <div className={styles.row}>
            <TextField
              label={`Owner of action ${index + 1}`}
              disabled={props.readOnly}
              value={action.owner}
              message={message(index, "owner")}
              onChange={(owner) => update(index, { owner })}
            />
            <DateField
              label={`Due date of action ${index + 1}`}
              disabled={props.readOnly}
              value={action.dueDate}
              message={message(index, "dueDate")}
              onChange={(dueDate) => update(index, { dueDate })}
            />
          </div>
          <ChoiceField
            label={`Status of action ${index + 1}`}
            options={ADJUSTMENT_STATUS_OPTIONS}
            disabled={props.readOnly}
            value={action.status}
            onChange={(status) => update(index, { status })}
          />
          {!props.readOnly && (
            <Button
              icon={<DeleteRegular />}
              onClick={() => props.onChange(actions.filter((_, i) => i !== index))}
            >
              Remove action {index + 1}
            </Button>
          )}
        </div>
      ))}
      {!props.readOnly && (
        <Button
          icon={<AddRegular />}
          onClick={() =>
            props.onChange([
              ...actions,
              { id: crypto.randomUUID(), description: "", owner: "", dueDate: "", status: "open" },
            ])
          }
        >
          Add adjustment action
        </Button>
      )}
    </Section>
  );
}

/** Builds the report sheet of a review, with progress. */
function ReviewReportButton(props: { year: number }): React.JSX.Element {
  const { workbook } = useServices();
  const save = useSave();
  const [progress, setProgress] = React.useState<ActionProgress | undefined>();
  const [built, setBuilt] = React.useState<string | undefined>();

  const build = async (): Promise<void> => {
    setBuilt(undefined);
    await save.run("Building the review report", async () => {
      const result = await workbook.buildReviewReport(props.year, setProgress);
      setBuilt(`The sheet "${result.sheetName}" is up to date.`);
    });
    setProgress(undefined);
  };

  return (
    <>
      <Button icon={<DocumentTableRegular />} onClick={build} disabled={save.busy}>
        Build review report
      </Button>
      <ActionProgressBar progress={progress} />
      <FailureBar failure={save.failure} onDismiss={save.clear} />
      <SuccessBar message={built} />
    </>
  );
}

/** Renders the guided editor of one review, read-only once the review is final. */
function ReviewEditor(props: { review: Review; reviews: readonly Review[] }): React.JSX.Element {
  const styles = useLayoutStyles();
  const { store } = useServices();
  const save = useSave();
  const [base] = React.useState(props.review);
  const [draft, setDraft] = React.useState(() => toDraft(props.review));
  const [step, setStep] = React.useState(0);
  const readOnly = props.review.status === "final";
  const earlier = props.reviews
    .filter((review) => review.year < props.review.year)
    .sort((a, b) => b.year - a.year);
  const area = REVIEW_AREAS[step];

  const saveReview = async (status: Review["status"], action: string, notice: string) =>
    save.run(
      action,
      async () => {
        const result = await store.update("review", props.review.id, toChanges(draft, status), {
          base,
        });
        return savedNotice(notice, result.conflicts);
      },
      { labels: FIELD_LABELS, notice, ids: { review: props.review.id } },
    );

  return (
    <Section id="review-editor" title={`Review ${props.review.year}${readOnly ? " (final)" : ""}`}>
      {readOnly && <Caption1>This review is final and read-only.</Caption1>}
      <div className={styles.row}>
        <DateField
          label="Review date"
          disabled={readOnly}
          value={draft.date}
          message={messageFor(save.messages, "date")}
          onChange={(date) => setDraft({ ...draft, date })}
        />
      </div>
      <TextField
        label="Participants (comma-separated)"
        disabled={readOnly}
        value={draft.participants}
        message={messageFor(save.messages, "participants")}
        onChange={(participants) => setDraft({ ...draft, participants })}
      />

      <AreaStep
        area={area}
        step={step}
        draft={draft}
        earlier={earlier}
        readOnly={readOnly}
        message={messageFor(save.messages, `areas.${area}`)}
        onChange={(changes) =>
          setDraft({
            ...draft,
            areas: { ...draft.areas, [area]: { ...draft.areas[area], ...changes } },
          })
        }
      />
      <div className={styles.row}>
        <Button icon={<ArrowLeftRegular />} disabled={step === 0} onClick={() => setStep(step - 1)}>
          Previous area
        </Button>
        <Button
          icon={<ArrowRightRegular />}
          iconPosition="after"
          disabled={step === REVIEW_AREAS.length - 1}
          onClick={() => setStep(step + 1)}
        >
          Next area
        </Button>
      </div>
      <ScoresTable review={props.review} draft={draft} earlier={earlier} />
      <ActionsStep
        draft={draft}
        readOnly={readOnly}
        messages={save.messages}
        onChange={(actions) => setDraft({ ...draft, actions })}
      />

      {!readOnly && (
        <div className={styles.row}>
          <Button
            appearance="primary"
            icon={<SaveRegular />}
            disabled={save.busy}
            onClick={() => saveReview("draft", "Saving the review", "The draft is saved.")}
          >
            Save draft
          </Button>
          <Button
            icon={<LockClosedRegular />}
            disabled={save.busy}
            onClick={() =>
              saveReview("final", "Finalising the review", "The review is final and locked.")
            }
          >
            Finalise and lock
          </Button>
        </div>
      )}
      <FailureBar failure={save.failure} onDismiss={save.clear} />
      {save.failure && save.failure.issues.length > 0 && (
        <ul aria-label="Fields to correct">
          {Object.values(save.messages).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      <SuccessBar message={save.notice} />
      <ReviewReportButton year={props.review.year} />
    </Section>
  );
}

/** Drops the id and timestamps of a record built by the model, to create it in the store. */
function withoutMeta(review: Review): Omit<Review, "id" | "createdAt" | "updatedAt"> {
  const { id, createdAt, updatedAt, ...fields } = review;
  void id;
  void createdAt;
  void updatedAt;
  return fields;
}

/** Renders the reviews page: the years, starting the next review, and the guided editor. */
export function ReviewsPage(props: { data: SnapshotState }): React.JSX.Element {
  const styles = useLayoutStyles();
  const { store } = useServices();
  const save = useSave();
  const reviews = [...props.data.snapshot.review].sort((a, b) => b.year - a.year);
  const [selected, setSelected] = React.useState<string | undefined>();
  const review = reviews.find((candidate) => candidate.id === selected);
  const latest = reviews[0];
  const nextYear = latest ? latest.year + 1 : new Date().getFullYear();

  const start = async (): Promise<void> => {
    let id: string | undefined;
    await save.run("Starting the review", async () => {
      // The next review keeps the participants and carries over the open adjustment actions.
      const input = latest ? withoutMeta(startNextReview(latest)) : { year: nextYear };
      id = (await store.create("review", input)).id;
    });
    if (id !== undefined) setSelected(id);
  };

  return (
    <div className={styles.section}>
      <Section id="review-list" title="Annual reviews">
        <RecordList
          label="Reviews"
          entries={reviews.map((candidate) => ({
            id: candidate.id,
            title: String(candidate.year),
            detail: candidate.status === "final" ? "final" : "draft",
          }))}
          selectedId={selected}
          emptyText="No reviews yet."
          onSelect={setSelected}
        />
        <Button icon={<AddRegular />} onClick={start} disabled={save.busy}>
          Start the {nextYear} review
        </Button>
        <FailureBar failure={save.failure} onDismiss={save.clear} />
      </Section>
      {review && (
        <ReviewEditor key={`${review.id}|${review.status}`} review={review} reviews={reviews} />
      )}
    </div>
  );
}
