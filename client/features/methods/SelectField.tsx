import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from "react-aria-components";

export interface SelectOption {
  id: string;
  label: string;
}

/** A labelled single-choice select (react-aria: keyboard, typeahead and screen readers handled). */
export function SelectField({
  label,
  options,
  value,
  onChange,
  description,
  name,
  className,
}: {
  label: string;
  options: readonly SelectOption[];
  value: string;
  onChange: (id: string) => void;
  description?: string;
  /** For a form's FormData. */
  name?: string;
  className?: string;
}) {
  return (
    <Select
      className={className ? `field select ${className}` : "field select"}
      selectedKey={value}
      onSelectionChange={(key) => onChange(String(key))}
      name={name}
    >
      <Label className="field__label">{label}</Label>
      {description && (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      )}
      <Button className="select__button">
        <SelectValue />
        <span aria-hidden="true" className="select__chevron">
          ▾
        </span>
      </Button>
      <Popover className="popover">
        <ListBox className="menu" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="menu__item" textValue={option.label}>
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
