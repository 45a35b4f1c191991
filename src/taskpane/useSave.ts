import * as React from "react";
import { describeFailure, FailureReport } from "./failure";
import { FieldMessages, fieldMessages } from "./formState";

/** State of a save or delete in an editor: its failure and the messages of its fields. */
export interface SaveState {
  busy: boolean;
  failure?: FailureReport;
  messages: FieldMessages;
  notice?: string;
  /**
   * Runs `task`; on failure shows the report and the field messages (with `labels` in place of
   * field paths), and returns false. On success shows the text `task` resolves to, else
   * `notice`, and returns true.
   */
  run(
    action: string,
    task: () => Promise<unknown>,
    options?: { labels?: Record<string, string>; notice?: string; ids?: Record<string, string> },
  ): Promise<boolean>;
  clear(): void;
}

/** Tracks one editor's saves and deletes. */
export function useSave(): SaveState {
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<FailureReport | undefined>();
  const [messages, setMessages] = React.useState<FieldMessages>({});
  const [notice, setNotice] = React.useState<string | undefined>();

  const clear = React.useCallback(() => {
    setFailure(undefined);
    setMessages({});
    setNotice(undefined);
  }, []);

  const run: SaveState["run"] = React.useCallback(async (action, task, options = {}) => {
    setBusy(true);
    setNotice(undefined);
    try {
      const outcome = await task();
      setFailure(undefined);
      setMessages({});
      setNotice(typeof outcome === "string" ? outcome : options.notice);
      return true;
    } catch (error) {
      const report = describeFailure(action, error, options.ids);
      setFailure(report);
      setMessages(fieldMessages(report.issues, options.labels));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, failure, messages, notice, run, clear };
}
