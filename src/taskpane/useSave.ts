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

/**
 * Tracks one editor's saves and deletes. After a save that fails on invalid fields, the first
 * field marked invalid gets the keyboard focus, since the disabled Save button has lost it and
 * the marked field may be scrolled out of view. After other saves the focus goes back to the
 * button that started the save, if it is still on the page.
 */
export function useSave(): SaveState {
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<FailureReport | undefined>();
  const [messages, setMessages] = React.useState<FieldMessages>({});
  const [notice, setNotice] = React.useState<string | undefined>();
  const [invalidSave, setInvalidSave] = React.useState<{ origin: Element | null }>();

  React.useEffect(() => {
    if (invalidSave !== undefined) {
      focusFirstInvalidField(invalidSave.origin);
    }
  }, [invalidSave]);

  const clear = React.useCallback(() => {
    setFailure(undefined);
    setMessages({});
    setNotice(undefined);
  }, []);

  const run: SaveState["run"] = React.useCallback(async (action, task, options = {}) => {
    // The Save button has the focus now, and loses it while disabled during the save.
    const origin = document.activeElement;
    setBusy(true);
    setNotice(undefined);
    try {
      const outcome = await task();
      setFailure(undefined);
      setMessages({});
      setNotice(typeof outcome === "string" ? outcome : options.notice);
      // The editor of a newly saved record replaces this one, which unmounts this hook, so the
      // focus is restored from here and not from an effect.
      restoreFocus(origin);
      return true;
    } catch (error) {
      const report = describeFailure(action, error, options.ids);
      setFailure(report);
      setMessages(fieldMessages(report.issues, options.labels));
      if (report.issues.length > 0) {
        setInvalidSave({ origin });
      } else {
        restoreFocus(origin);
      }
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  return { busy, failure, messages, notice, run, clear };
}

/**
 * Moves the focus to the first invalid control of the smallest part of the page that contains
 * both `origin` (the control that started the save, usually its button) and an invalid control.
 * Without an origin inside the page, the first invalid control of the page gets the focus.
 */
function focusFirstInvalidField(origin: Element | null): void {
  let field: HTMLElement | null = null;
  for (let node = origin?.parentElement; node && field === null; node = node.parentElement) {
    field = node.querySelector<HTMLElement>(INVALID_CONTROL);
  }
  field ??= document.querySelector<HTMLElement>(INVALID_CONTROL);
  field?.focus();
  field?.scrollIntoView({ block: "center" });
}

/** Selector of a control that Fluent UI's Field marks invalid. */
const INVALID_CONTROL = '[aria-invalid="true"]';

/** Frames during which `restoreFocus` keeps returning a lost focus, about 0.2 s at 60 frames. */
const FOCUS_RESTORE_FRAMES = 12;

/**
 * Gives the focus back to `origin` whenever it is lost to the page body during the next frames,
 * as when the focused button was disabled during the save. A control the user has moved to keeps
 * the focus. Saving a new record opens the saved record's editor in place of the new one, so
 * when a Save button has left the page the first Save button with the same text, the new
 * editor's, gets it. Other buttons, such as Delete, are never replaced by a namesake, which might
 * act on another record.
 */
function restoreFocus(origin: Element | null, frames = FOCUS_RESTORE_FRAMES): void {
  if (!(origin instanceof HTMLElement) || frames === 0) {
    return;
  }
  requestAnimationFrame(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost) {
      const label = origin.textContent?.trim() ?? "";
      const target = origin.isConnected
        ? origin
        : label.startsWith("Save")
          ? [...document.querySelectorAll<HTMLButtonElement>("button:not([disabled])")].find(
              (button) => button.textContent?.trim() === label,
            )
          : undefined;
      target?.focus();
    }
    restoreFocus(origin, frames - 1);
  });
}
