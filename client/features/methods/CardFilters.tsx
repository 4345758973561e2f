import { useEffect, useId, useState } from "react";
import { Button, Checkbox, Input, Label, SearchField } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { METHOD_CARD } from "../../../shared/limits";
import { METHOD_PHASES, type MethodPhase } from "../../../shared/schemas/meetings";
import { FIT_CHOICES } from "./filters";
import type { MethodCardFilters } from "./methodsApi";
import { SelectField } from "./SelectField";
import { methodPhaseLabel } from "./text";

/** A checkbox drawn like the rest of Piiri's (the mark is decoration; the state is the checkbox's own). */
export function CheckboxField({ label, isSelected, onChange }: { label: string; isSelected: boolean; onChange: (value: boolean) => void }) {
  return (
    <Checkbox className="checkbox" isSelected={isSelected} onChange={onChange}>
      <span className="checkbox__box" aria-hidden="true">
        {isSelected ? "✓" : ""}
      </span>
      {label}
    </Checkbox>
  );
}

const SEARCH_DELAY_MS = 300;

/**
 * The library's search and filters. Typing searches after a short pause; the other filters apply at
 * once. `compact` leaves out the group size filter, for the picker inside a dialog.
 */
export function CardFilters({
  filters,
  onChange,
  compact = false,
}: {
  filters: MethodCardFilters;
  onChange: (next: MethodCardFilters) => void;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const sizeId = useId();
  const [q, setQ] = useState(filters.q ?? "");
  const [size, setSize] = useState(filters.groupSize ? String(filters.groupSize) : "");

  // Someone going Back changes the filters from outside: the fields follow.
  useEffect(() => setQ(filters.q ?? ""), [filters.q]);
  useEffect(() => setSize(filters.groupSize ? String(filters.groupSize) : ""), [filters.groupSize]);

  useEffect(() => {
    const trimmed = q.trim();
    if (trimmed === (filters.q ?? "")) return;
    const timer = window.setTimeout(() => onChange({ ...filters, q: trimmed || undefined }), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [q, filters, onChange]);

  function changeSize(value: string) {
    setSize(value);
    const number = Number(value);
    const groupSize = /^\d+$/.test(value) && number >= 1 && number <= METHOD_CARD.groupSizeMax ? number : undefined;
    if (groupSize !== filters.groupSize) onChange({ ...filters, groupSize });
  }

  const anyFilter = Boolean(filters.q || filters.phase || filters.maxMinutes || filters.groupSize || filters.virtual || filters.favourites);

  return (
    <div className={compact ? "card-filters card-filters--compact" : "card-filters"} role="search" aria-label={t("methods.filtersLabel")}>
      <SearchField className="field card-filters__search" value={q} onChange={setQ} onSubmit={() => onChange({ ...filters, q: q.trim() || undefined })}>
        <Label className="field__label">{t("methods.search")}</Label>
        <Input className="field__input" maxLength={METHOD_CARD.titleMax} />
      </SearchField>
      <SelectField
        label={t("methods.phase")}
        value={filters.phase ?? "all"}
        onChange={(id) => onChange({ ...filters, phase: id === "all" ? undefined : (id as MethodPhase) })}
        options={[{ id: "all", label: t("methods.allPhases") }, ...METHOD_PHASES.map((phase) => ({ id: phase, label: methodPhaseLabel(t, phase) }))]}
      />
      <SelectField
        label={t("methods.fitsIn")}
        value={filters.maxMinutes ? String(filters.maxMinutes) : "any"}
        onChange={(id) => onChange({ ...filters, maxMinutes: id === "any" ? undefined : Number(id) })}
        options={[{ id: "any", label: t("methods.anyDuration") }, ...FIT_CHOICES.map((minutes) => ({ id: String(minutes), label: t("methods.fitsInMinutes", { count: minutes }) }))]}
      />
      {!compact && (
        <div className="field card-filters__size">
          <label className="field__label" htmlFor={sizeId}>
            {t("methods.groupSizeFilter")}
          </label>
          <input
            id={sizeId}
            className="field__input"
            type="number"
            inputMode="numeric"
            min={1}
            max={METHOD_CARD.groupSizeMax}
            value={size}
            onChange={(event) => changeSize(event.currentTarget.value)}
            aria-describedby={`${sizeId}-hint`}
          />
          <span id={`${sizeId}-hint`} className="field__description">
            {t("methods.groupSizeHint")}
          </span>
        </div>
      )}
      <div className="card-filters__checks">
        <CheckboxField label={t("methods.virtualOnly")} isSelected={Boolean(filters.virtual)} onChange={(virtual) => onChange({ ...filters, virtual: virtual || undefined })} />
        <CheckboxField
          label={t("methods.favouritesOnly")}
          isSelected={Boolean(filters.favourites)}
          onChange={(favourites) => onChange({ ...filters, favourites: favourites || undefined })}
        />
      </div>
      {anyFilter && (
        <Button className="button button--link card-filters__clear" onPress={() => onChange({ groupId: filters.groupId })}>
          {t("methods.clearFilters")}
        </Button>
      )}
    </div>
  );
}
