import type { TFunction } from "i18next";
import {
  createContext,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type HTMLAttributes,
  type ReactNode,
} from "react";
import { announce } from "react-aria/private/live-announcer/LiveAnnouncer";
import { useTranslation } from "react-i18next";

/*
 * The sign-in and registration forms on native elements. They are the first page a newcomer loads, and
 * react-aria's form components (what lib/ui's `Field` is built on) would be about a sixth of that
 * page's JavaScript. The pieces here give the same markup, classes and behaviour as `Form`, lib/ui's
 * `Field` and react-aria's `Button` with native validation:
 * - the field's own check (`validate`) and the server's word on it (`fieldErrors`) become the input's
 *   custom validity, so the browser will not send the form while one stands;
 * - a problem is shown under the field, linked with aria-describedby and aria-invalid, when the form
 *   is sent and when the user leaves a changed field, not while typing; a server's problem is shown at
 *   once and stays until the user changes the value;
 * - sending an invalid form moves focus to the first field at fault, without the browser's bubble;
 * - a pending submit button stays focusable, sends nothing, and is announced when it changes while
 *   focused (through react-aria's live announcer, as its buttons elsewhere in the app are).
 */

const ServerErrors = createContext<Readonly<Record<string, string>>>({});

/** The form: `fieldErrors` are the server's problems by field name, each shown at its field. */
export function AccountForm({
  fieldErrors,
  onSubmit,
  children,
}: {
  fieldErrors: Readonly<Record<string, string>>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <form className="form" onSubmit={onSubmit}>
      <ServerErrors value={fieldErrors}>{children}</ServerErrors>
    </form>
  );
}

/** What to show for a problem the browser's own constraints found (`validate` found none). */
function describeNative(t: TFunction, input: HTMLInputElement): string {
  if (input.validationMessage) return input.validationMessage;
  const validity = input.validity;
  if (validity.valueMissing) return t("validation.required");
  if (validity.typeMismatch) return t("validation.email");
  if (validity.tooShort) return t("validation.tooShort");
  if (validity.tooLong) return t("validation.tooLong");
  return t("validation.invalidGeneric");
}

function firstInvalidElement(form: HTMLFormElement): Element | null {
  for (const element of form.elements) {
    if ("validity" in element && !(element as HTMLInputElement).validity.valid) return element;
  }
  return null;
}

export interface AccountFieldProps {
  name: string;
  label: string;
  description?: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>["inputMode"];
  isRequired?: boolean;
  minLength?: number;
  maxLength?: number;
  /** The problem with a value, or null when it is fine. */
  validate?: (value: string) => string | null;
}

/** A labelled text input with its description and problem, as lib/ui's `Field` draws it. */
export function AccountField({ name, label, description, type = "text", isRequired, validate, ...inputProps }: AccountFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState("");

  // The server's problem shows from the answer that brought it until the user commits a change.
  const serverErrors = useContext(ServerErrors);
  const [serverErrorsShown, setServerErrorsShown] = useState(serverErrors);
  const [serverErrorCleared, setServerErrorCleared] = useState(false);
  if (serverErrors !== serverErrorsShown) {
    setServerErrorsShown(serverErrors);
    setServerErrorCleared(false);
  }
  const serverError = serverErrorCleared ? null : (serverErrors[name] ?? null);
  const clientError = validate ? validate(value) : null;

  // The field's own problem is shown only once committed: on sending the form or leaving the field.
  const [committed, setCommitted] = useState<string | null>(null);
  const [commitQueued, setCommitQueued] = useState(false);
  const shown = serverError ?? committed;
  const shownNow = useRef(shown);

  useLayoutEffect(() => {
    shownNow.current = shown;
    input.current?.setCustomValidity(serverError ?? clientError ?? "");
  });

  // After the render that follows a commit, so the input's validity no longer holds a cleared server problem.
  useEffect(() => {
    if (!commitQueued) return;
    setCommitQueued(false);
    const element = input.current;
    setCommitted(clientError ?? (element && !element.validity.valid ? describeNative(t, element) : null));
  }, [commitQueued, clientError, t]);

  useEffect(() => {
    const element = input.current;
    if (!element) return;
    const commit = () => {
      setCommitQueued(true);
      setServerErrorCleared(true);
    };
    const onInvalid = (event: Event) => {
      // A problem already on show stays, so a server's problem the user has not fixed is not cleared.
      if (!shownNow.current) commit();
      if (!event.defaultPrevented && element.form && firstInvalidElement(element.form) === element) element.focus();
      event.preventDefault(); // no browser bubble: the problem is shown under the field
    };
    element.addEventListener("invalid", onInvalid);
    element.addEventListener("change", commit);
    return () => {
      element.removeEventListener("invalid", onInvalid);
      element.removeEventListener("change", commit);
    };
  }, []);

  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [description ? descriptionId : null, shown ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field" data-invalid={shown ? true : undefined} data-required={isRequired || undefined}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {description && (
        <span className="field__description" id={descriptionId}>
          {description}
        </span>
      )}
      <input
        {...inputProps}
        ref={input}
        id={id}
        name={name}
        type={type}
        className="field__input"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        required={isRequired}
        aria-invalid={shown ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-invalid={shown ? true : undefined}
        // Firefox would show the validation message as a tooltip; it is under the field already.
        title=""
      />
      {shown && (
        <span className="field-error" id={errorId}>
          {shown}
        </span>
      )}
    </div>
  );
}

/**
 * The form's submit button. While `pending` it stays focusable but sends nothing (Enter in a field
 * does not send the form again either), and a focused button announces its new label.
 */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const wasPending = useRef(pending);
  useEffect(() => {
    if (wasPending.current !== pending && button.current && document.activeElement === button.current) {
      announce({ "aria-labelledby": id }, "assertive");
    }
    wasPending.current = pending;
  }, [pending, id]);
  return (
    <button
      ref={button}
      id={id}
      type={pending ? "button" : "submit"}
      className="button button--primary"
      aria-disabled={pending ? true : undefined}
      data-pending={pending || undefined}
    >
      {children}
    </button>
  );
}
