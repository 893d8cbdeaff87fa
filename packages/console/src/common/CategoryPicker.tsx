import { Select } from 'antd';
import { categoryNames } from './displayNameCatalogue';
import { useDisplayNames } from './useDisplayNames';

interface CategoryPickerProps {
  value?: string | string[] | null;
  onChange?(value: string | string[] | null): void;
  multiple?: boolean;
  placeholder?: string;
  size?: 'small' | 'middle';
  ariaLabel?: string;
  /** Set by Form.Item, so the field's label names the picker. */
  id?: string;
}

/** Conversation and ticket categories by name: a choice from the known list instead of a guessed code. */
export function CategoryPicker({
  id,
  value,
  onChange,
  multiple,
  placeholder,
  size,
  ariaLabel,
}: CategoryPickerProps) {
  const names = useDisplayNames();
  const chosen = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const codes = [...new Set([...Object.keys(categoryNames), ...chosen])];
  const options = codes.map((code) => ({ value: code, label: names.category(code) }));
  if (multiple)
    return (
      <Select<string[]>
        id={id}
        mode="multiple"
        size={size}
        aria-label={ariaLabel}
        placeholder={placeholder}
        value={chosen}
        optionFilterProp="label"
        onChange={(next) => onChange?.(next)}
        options={options}
      />
    );
  return (
    <Select<string>
      id={id}
      allowClear
      showSearch
      size={size}
      aria-label={ariaLabel}
      placeholder={placeholder}
      value={chosen[0]}
      optionFilterProp="label"
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
