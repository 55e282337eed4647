import { useId } from 'react';

/**
 * One editable cell of the review grid: a native input (one tab stop, typed like a spreadsheet cell) named after its
 * column and row, marked invalid with its problems under it. A change is sent when the cell loses focus.
 */
export function CellInput({
  label,
  value,
  problems,
  disabled,
  onCommit,
}: {
  label: string;
  value: string;
  problems: readonly string[];
  disabled: boolean;
  onCommit: (value: string) => void;
}) {
  const errorId = useId();
  return (
    <div className="kp-cell">
      <input
        // a new value from the server (a suggestion, a corrected cell) replaces what the input shows
        key={value}
        type="text"
        className="kp-cell-input"
        aria-label={label}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? errorId : undefined}
        defaultValue={value}
        disabled={disabled}
        onBlur={(e) => {
          if (e.target.value !== value) onCommit(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
      {problems.length > 0 && (
        <span id={errorId} className="kp-cell-error">
          {problems.join(' ')}
        </span>
      )}
    </div>
  );
}
