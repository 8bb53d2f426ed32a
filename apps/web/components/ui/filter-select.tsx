'use client';

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from './select';

/** Stands for "no filter": a Select item needs a value, and no option has this one. */
const ALL = 'all';

/** A list filter: one of the options, or all of them (`undefined`). */
export function FilterSelect<Value extends string>({
  label,
  allLabel,
  value,
  options,
  onChange,
  className,
}: {
  /** What is filtered, for screen readers: "Filter by client". */
  label: string;
  allLabel: string;
  value: Value | undefined;
  options: readonly { value: Value; label: string }[];
  onChange: (value: Value | undefined) => void;
  className?: string;
}) {
  return (
    <Select
      value={value ?? ALL}
      onValueChange={(chosen) => onChange(chosen === ALL ? undefined : (chosen as Value))}
    >
      <SelectTrigger className={className} aria-label={label}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={ALL}>{allLabel}</SelectItem>
        {options.map((option) => (
          <SelectItem key={option.value} value={option.value}>
            {option.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
