import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "./i18n";

// The parts of ./ui that need no react-aria, so the sign-in and registration pages (the first page
// load) can use them without pulling react-aria in. Features import them from ./ui as before.

/**
 * A failure found before anything is sent (a required choice left empty, say), whose message is
 * already the text to show.
 */
export class FormProblem extends Error {}

/**
 * The state of one form's or dialog's action: `pending` while it runs, the translated failure in
 * `problem` after. `submit` resolves `true` when the action succeeded, so the caller can close or move on.
 */
export function useSubmission() {
  const { t } = useTranslation();
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function submit(action: () => Promise<unknown>, describeError: (error: unknown) => string = (error) => errorMessage(t, error)): Promise<boolean> {
    setPending(true);
    setProblem(null);
    try {
      await action();
      return true;
    } catch (error) {
      setProblem(error instanceof FormProblem ? error.message : describeError(error));
      return false;
    } finally {
      setPending(false);
    }
  }

  return { pending, problem, setProblem, submit };
}

/** The form-level problem, announced when it appears. The container stays so the alert role is ready. */
export function FormAlert({ problem, children }: { problem: string | null; children?: ReactNode }) {
  return (
    <div role="alert" className="form-alert">
      {problem && <p>{problem}</p>}
      {problem && children}
    </div>
  );
}

/** Pick the value of a named form field as trimmed text. */
export function formText(data: FormData, name: string): string {
  return String(data.get(name) ?? "").trim();
}
