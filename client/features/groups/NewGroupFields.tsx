import { useTranslation } from "react-i18next";
import { GROUP } from "../../../shared/limits";
import { GROUP_KINDS, type GroupKind } from "../../../shared/schemas/groups";
import { ChoiceGroup, Field, TextAreaField } from "../../lib/ui";
import { validateRequired } from "../auth/validation";
import { kindDescription, kindLabel } from "./labels";

/** The name, description and kind of a new group, asked alike on the home page and a programme's page. */
export function NewGroupFields({ kind, onKindChange }: { kind: GroupKind; onKindChange: (kind: GroupKind) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Field name="name" label={t("groups.fields.name")} isRequired autoFocus maxLength={GROUP.nameMax} validate={(value) => validateRequired(t, value)} />
      <TextAreaField name="description" label={t("groups.fields.description")} description={t("groups.fields.optional")} maxLength={GROUP.descriptionMax} />
      <ChoiceGroup
        name="kind"
        label={t("groups.fields.kind")}
        value={kind}
        onChange={onKindChange}
        choices={GROUP_KINDS.map((value) => ({ value, label: kindLabel(t, value), description: kindDescription(t, value) }))}
      />
    </>
  );
}
