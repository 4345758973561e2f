import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { MEETING, METHOD_CARD } from "../../../shared/limits";
import { METHOD_PHASES, type MethodCard, type MethodPhase } from "../../../shared/schemas/meetings";
import { Field, FormDialog, FormProblem, TextAreaField, formText } from "../../lib/ui";
import { validateRequired } from "../auth/validation";
import { useAnnounce } from "../groups/announcer";
import { CheckboxField } from "./CardFilters";
import { methodKeys } from "./cardsCache";
import { methodsApi } from "./methodsApi";
import { SelectField } from "./SelectField";
import { methodPhaseLabel } from "./text";

function wholeNumber(data: FormData, name: string): number {
  const value = formText(data, name);
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

/**
 * A form for the group's own method card, written in one language (the server stores it for all three).
 * Steps are added and removed in place; focus goes to the new step's text or back to "Add a step".
 */
export function NewCardDialog({
  groups,
  initialGroupId,
  isOpen,
  onOpenChange,
  onCreated,
}: {
  /** The groups I facilitate: the card belongs to one of them. */
  groups: readonly { id: string; name: string }[];
  initialGroupId?: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated?: (card: MethodCard) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const announce = useAnnounce();
  const [groupId, setGroupId] = useState(initialGroupId && groups.some((group) => group.id === initialGroupId) ? initialGroupId : (groups[0]?.id ?? ""));
  const [phase, setPhase] = useState<MethodPhase>("sharing");
  const [virtualFriendly, setVirtualFriendly] = useState(true);
  const nextStepId = useRef(1);
  const [steps, setSteps] = useState<number[]>([0]);
  const addButton = useRef<HTMLButtonElement>(null);

  function addStep() {
    const id = nextStepId.current++;
    setSteps((current) => [...current, id]);
    // After React has drawn the new step.
    window.setTimeout(() => document.getElementById(`new-card-step-${id}`)?.querySelector("textarea")?.focus(), 0);
  }

  function removeStep(id: number) {
    setSteps((current) => current.filter((step) => step !== id));
    addButton.current?.focus();
  }

  async function create(data: FormData) {
    const groupSize = { min: wholeNumber(data, "sizeMin"), max: wholeNumber(data, "sizeMax") };
    const durationMinutes = { min: wholeNumber(data, "durationMin"), max: wholeNumber(data, "durationMax") };
    if (!groupId) throw new FormProblem(t("methods.create.groupRequired"));
    const within = (value: number, max: number) => Number.isInteger(value) && value >= 1 && value <= max;
    if (!within(groupSize.min, METHOD_CARD.groupSizeMax) || !within(groupSize.max, METHOD_CARD.groupSizeMax))
      throw new FormProblem(t("methods.create.sizeInvalid", { max: METHOD_CARD.groupSizeMax }));
    if (!within(durationMinutes.min, MEETING.durationMaxMinutes) || !within(durationMinutes.max, MEETING.durationMaxMinutes))
      throw new FormProblem(t("methods.create.durationInvalid", { max: MEETING.durationMaxMinutes }));
    if (groupSize.min > groupSize.max || durationMinutes.min > durationMinutes.max) throw new FormProblem(t("methods.create.rangeOrder"));
    const stepInputs = steps.map((id) => ({ minutes: wholeNumber(data, `step-${id}-minutes`), text: formText(data, `step-${id}-text`) }));
    if (stepInputs.some((step) => !Number.isInteger(step.minutes) || step.minutes > MEETING.durationMaxMinutes || step.text === "")) throw new FormProblem(t("methods.create.stepsIncomplete"));
    const { card } = await methodsApi.create({
      groupId,
      phase,
      title: formText(data, "title"),
      purpose: formText(data, "purpose"),
      whenToUse: formText(data, "whenToUse"),
      groupSize,
      durationMinutes,
      virtualFriendly,
      steps: stepInputs,
      virtualTips: formText(data, "virtualTips"),
      materials: formText(data, "materials"),
    });
    await queryClient.invalidateQueries({ queryKey: methodKeys.lists });
    announce(t("methods.create.created", { title: card.title.fi }));
    onCreated?.(card);
  }

  return (
    <FormDialog
      title={t("methods.create.title")}
      lead={t("methods.create.lead")}
      submitLabel={t("methods.create.submit")}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      onSubmit={create}
    >
      {groups.length > 1 && (
        <SelectField label={t("methods.create.group")} value={groupId} onChange={setGroupId} options={groups.map((group) => ({ id: group.id, label: group.name }))} />
      )}
      <Field name="title" label={t("methods.create.cardTitle")} isRequired autoFocus maxLength={METHOD_CARD.titleMax} validate={(value) => validateRequired(t, value)} />
      <SelectField
        label={t("methods.phase")}
        value={phase}
        onChange={(id) => setPhase(id as MethodPhase)}
        options={METHOD_PHASES.map((value) => ({ id: value, label: methodPhaseLabel(t, value) }))}
      />
      <TextAreaField name="purpose" label={t("methods.purpose")} isRequired maxLength={METHOD_CARD.textMax} validate={(value) => validateRequired(t, value)} />
      <TextAreaField name="whenToUse" label={t("methods.whenToUse")} description={t("methods.create.optional")} maxLength={METHOD_CARD.textMax} />
      <fieldset className="range-fieldset">
        <legend className="field__label">{t("methods.create.groupSize")}</legend>
        <Field name="sizeMin" type="number" inputMode="numeric" label={t("methods.create.min")} defaultValue="2" isRequired />
        <Field name="sizeMax" type="number" inputMode="numeric" label={t("methods.create.max")} defaultValue="10" isRequired />
      </fieldset>
      <fieldset className="range-fieldset">
        <legend className="field__label">{t("methods.create.duration")}</legend>
        <Field name="durationMin" type="number" inputMode="numeric" label={t("methods.create.min")} defaultValue="10" isRequired />
        <Field name="durationMax" type="number" inputMode="numeric" label={t("methods.create.max")} defaultValue="20" isRequired />
      </fieldset>
      <CheckboxField label={t("methods.create.virtualFriendly")} isSelected={virtualFriendly} onChange={setVirtualFriendly} />
      <fieldset className="steps-fieldset">
        <legend className="field__label">{t("methods.steps")}</legend>
        <ol className="steps-editor">
          {steps.map((id, index) => (
            <li key={id} id={`new-card-step-${id}`} className="steps-editor__step">
              <Field
                name={`step-${id}-minutes`}
                type="number"
                inputMode="numeric"
                label={t("methods.create.stepMinutes", { number: index + 1 })}
                defaultValue="5"
                isRequired
              />
              <TextAreaField
                name={`step-${id}-text`}
                label={t("methods.create.stepText", { number: index + 1 })}
                isRequired
                rows={2}
                maxLength={METHOD_CARD.textMax}
                validate={(value) => validateRequired(t, value)}
              />
              {steps.length > 1 && (
                <Button className="button button--danger-quiet button--small" onPress={() => removeStep(id)}>
                  {t("methods.create.removeStep", { number: index + 1 })}
                </Button>
              )}
            </li>
          ))}
        </ol>
        {steps.length < METHOD_CARD.stepsMax && (
          <Button ref={addButton} className="button button--secondary button--small" onPress={addStep}>
            {t("methods.create.addStep")}
          </Button>
        )}
      </fieldset>
      <TextAreaField name="virtualTips" label={t("methods.virtualTips")} description={t("methods.create.optional")} maxLength={METHOD_CARD.textMax} />
      <TextAreaField name="materials" label={t("methods.materials")} description={t("methods.create.optional")} maxLength={METHOD_CARD.textMax} />
    </FormDialog>
  );
}
