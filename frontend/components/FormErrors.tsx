import { errorText, type ServerError } from '../lib/errors';

/** The errors a form cannot show at one of its fields, as alerts. */
export function FormErrors({ errors, messages = [] }: { errors?: readonly ServerError[]; messages?: readonly string[] }) {
  const texts = [...(errors ?? []).map(errorText), ...messages];
  if (texts.length === 0) return null;
  return (
    <div role="alert" className="kp-form-errors">
      {texts.map((text, i) => (
        <p key={i} className="kp-error">
          {text}
        </p>
      ))}
    </div>
  );
}

/**
 * Props that show a field's error on a Vaadin field: `<TextField {...fieldError(errors.firstName)} />`. The screen
 * decides what is invalid (its own checks and the server's), so the field's built-in validation is off.
 */
export function fieldError(message: string | undefined): { invalid: boolean; errorMessage: string | undefined; manualValidation: true } {
  return { invalid: !!message, errorMessage: message, manualValidation: true };
}
