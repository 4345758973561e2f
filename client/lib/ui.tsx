import type { TFunction } from "i18next";
import type { FormEvent, ReactNode } from "react";
import {
  Button,
  Dialog,
  FieldError,
  Form,
  Heading,
  Input,
  Label,
  Modal,
  ModalOverlay,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
  type TextFieldProps,
  type ValidationResult,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import { FormAlert, useSubmission } from "./forms";

// Building blocks every feature's forms and dialogs share, so they look, read and behave alike.
export { FormAlert, FormProblem, formText, useSubmission } from "./forms";

/** Translated text for whatever the browser's constraint validation found, if `validate` did not. */
function describeInvalid(t: TFunction, validation: ValidationResult): string {
  if (validation.validationErrors.length > 0) return validation.validationErrors.join(" ");
  const details = validation.validationDetails;
  if (details.valueMissing) return t("validation.required");
  if (details.typeMismatch) return t("validation.email");
  if (details.tooShort) return t("validation.tooShort");
  if (details.tooLong) return t("validation.tooLong");
  return t("validation.invalidGeneric");
}

interface FieldProps extends Omit<TextFieldProps, "children" | "className"> {
  label: string;
  description?: string;
}

/** The label, optional description and error message around one text input. */
function LabelledField({ label, description, input, ...props }: FieldProps & { input: ReactNode }) {
  const { t } = useTranslation();
  return (
    <TextField {...props} className="field">
      <Label className="field__label">{label}</Label>
      {description && (
        <Text className="field__description" slot="description">
          {description}
        </Text>
      )}
      {input}
      <FieldError className="field-error">{(validation) => describeInvalid(t, validation)}</FieldError>
    </TextField>
  );
}

/** A labelled text field with its error message below it. */
export function Field(props: FieldProps) {
  return <LabelledField {...props} input={<Input className="field__input" />} />;
}

/** A labelled multi-line field with its error below, the multi-line sibling of `Field`. */
export function TextAreaField({ rows = 3, ...props }: FieldProps & { rows?: number }) {
  return <LabelledField {...props} input={<TextArea className="field__input field__input--multiline" rows={rows} />} />;
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  description?: string;
}

/** A set of radio buttons, each with an optional explanation under its label. */
export function ChoiceGroup<T extends string>({
  label,
  name,
  choices,
  value,
  defaultValue,
  onChange,
  isRequired,
  errorMessage,
  className,
}: {
  label: string;
  /** Shown when a required choice is left empty at submit. */
  errorMessage?: string;
  name: string;
  choices: readonly Choice<T>[];
  value?: T;
  defaultValue?: T;
  onChange?: (value: T) => void;
  isRequired?: boolean;
  className?: string;
}) {
  return (
    <RadioGroup
      name={name}
      className={className ? `choice-group ${className}` : "choice-group"}
      // react-aria takes "" for a chosen value and then drops every radio from the Tab order; nothing
      // chosen must be null so the group stays reachable with the keyboard.
      value={value === "" ? null : value}
      defaultValue={defaultValue}
      onChange={onChange ? (next) => onChange(next as T) : undefined}
      isRequired={isRequired}
    >
      <Label className="field__label">{label}</Label>
      <div className="choice-group__options">
        {choices.map((choice) => (
          <Radio key={choice.value} value={choice.value} className="choice">
            <span className="choice__mark" aria-hidden="true" />
            <span className="choice__text">
              <span className="choice__label">{choice.label}</span>
              {choice.description && <span className="choice__description">{choice.description}</span>}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError className="field-error">{errorMessage}</FieldError>
    </RadioGroup>
  );
}

/**
 * A modal dialog with a heading. react-aria keeps focus inside it, closes it with Escape and returns
 * focus to whatever opened it.
 */
export function ModalDialog({
  title,
  isOpen,
  onOpenChange,
  children,
  isDismissable = true,
}: {
  title: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
  isDismissable?: boolean;
}) {
  return (
    <ModalOverlay className="modal-overlay" isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={isDismissable}>
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** The row of buttons at the foot of a dialog: "Cancel" first, then whatever the dialog does. */
export function DialogActions({ onCancel, children }: { onCancel: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="dialog__actions">
      <Button className="button button--secondary" onPress={onCancel}>
        {t("common.cancel")}
      </Button>
      {children}
    </div>
  );
}

/**
 * A dialog around one form: an optional lead, the form's problem, the fields, and Cancel and submit
 * buttons. It closes once `onSubmit` resolves and shows the failure in place when it throws.
 */
export function FormDialog({
  title,
  lead,
  submitLabel,
  isOpen,
  onOpenChange,
  onSubmit,
  describeError,
  children,
}: {
  title: string;
  lead?: string;
  submitLabel: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** Sends the form; throw a `FormProblem` for a check of its own. */
  onSubmit: (data: FormData) => Promise<unknown>;
  /** Words for a failure where the error code's usual text would not say what to do. */
  describeError?: (error: unknown) => string;
  children: ReactNode;
}) {
  const { pending, problem, setProblem, submit } = useSubmission();

  // A problem from an earlier attempt would be stale when the dialog opens again.
  function changeOpen(open: boolean) {
    if (!open) setProblem(null);
    onOpenChange(open);
  }

  async function onFormSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (await submit(() => onSubmit(data), describeError)) changeOpen(false);
  }

  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={changeOpen}>
      <Form className="form" onSubmit={(event) => void onFormSubmit(event)}>
        {lead && <p className="dialog__lead">{lead}</p>}
        <FormAlert problem={problem} />
        {children}
        <DialogActions onCancel={() => changeOpen(false)}>
          <Button type="submit" className="button button--primary" isPending={pending}>
            {submitLabel}
          </Button>
        </DialogActions>
      </Form>
    </ModalDialog>
  );
}

/** A question that must be confirmed ("Remove Aino from the group?"), with the failure shown in place. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  isOpen,
  onOpenChange,
  onConfirm,
  danger = false,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => Promise<unknown>;
  danger?: boolean;
}) {
  const { pending, problem, setProblem, submit } = useSubmission();

  // A problem from an earlier attempt would be stale when the dialog opens again.
  function changeOpen(open: boolean) {
    if (!open) setProblem(null);
    onOpenChange(open);
  }

  async function confirm() {
    if (await submit(onConfirm)) changeOpen(false);
  }

  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={changeOpen}>
      <p>{message}</p>
      <FormAlert problem={problem} />
      <DialogActions onCancel={() => changeOpen(false)}>
        <Button className={danger ? "button button--danger" : "button button--primary"} isPending={pending} onPress={() => void confirm()}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </ModalDialog>
  );
}
