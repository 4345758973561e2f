import { useState, type FormEvent } from "react";
import { Button, FieldError, Form, Input, Label, TextField } from "react-aria-components";
import { useSubmission } from "../../lib/ui";

/**
 * A one-field form that names something new (a page, a saved version). An empty name is refused
 * before sending; any problem shows under the field, and the field empties once the name is taken.
 */
export function NameForm({
  className,
  label,
  maxLength,
  emptyMessage,
  submitLabel,
  onSubmit,
}: {
  className: string;
  label: string;
  maxLength: number;
  emptyMessage: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<unknown>;
}) {
  const [name, setName] = useState("");
  const { pending, problem, setProblem, submit } = useSubmission();

  async function onFormSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setProblem(emptyMessage);
      return;
    }
    await submit(async () => {
      await onSubmit(trimmed);
      setName("");
    });
  }

  return (
    <Form className={`notes-name-form ${className}`} onSubmit={(event) => void onFormSubmit(event)} validationErrors={problem ? { name: problem } : undefined}>
      <TextField name="name" value={name} onChange={setName} maxLength={maxLength} className="field">
        <Label className="field__label">{label}</Label>
        <Input className="field__input" />
        <FieldError className="field-error">{problem}</FieldError>
      </TextField>
      <Button type="submit" className="button button--secondary" isPending={pending}>
        {submitLabel}
      </Button>
    </Form>
  );
}
