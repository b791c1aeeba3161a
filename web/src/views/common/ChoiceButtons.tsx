/**
 * A few mutually exclusive choices as a row of buttons (ARIA radio group): the legend's colour
 * modes, the topic panel's paper order. Each button is reachable with Tab and labelled.
 */
interface ChoiceButtonsProps<T extends string> {
  /** What is being chosen, for screen readers. */
  label: string;
  choices: readonly { value: T; label: string; title?: string }[];
  value: T;
  onChange: (value: T) => void;
  className: string;
  buttonClassName: string;
}

export function ChoiceButtons<T extends string>(props: ChoiceButtonsProps<T>) {
  return (
    <div className={props.className} role="radiogroup" aria-label={props.label}>
      {props.choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          role="radio"
          aria-checked={choice.value === props.value}
          className={props.buttonClassName}
          title={choice.title}
          onClick={() => props.onChange(choice.value)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
