import { useState } from 'react';
import { errorText, requestFailure, type ServerError } from './errors';

/**
 * A section's submit: runs the mutation, keeps its payload errors (or the request's failure) as texts for
 * `<FormErrors messages={errors} />`, and tells whether it succeeded.
 */
export function useSubmit() {
  const [errors, setErrors] = useState<string[]>([]);
  return {
    errors,
    submit: async (action: () => Promise<readonly ServerError[]>): Promise<boolean> => {
      try {
        const problems = await action();
        setErrors(problems.map(errorText).filter((text, i, all) => all.indexOf(text) === i));
        return problems.length === 0;
      } catch (e) {
        setErrors([requestFailure(e)]);
        return false;
      }
    },
  };
}

/**
 * Like `useSubmit`, for a form that shows errors at its fields: keeps the payload errors themselves (for `fieldErrors`
 * and `generalErrors`), the request's failure, and a success message when the action had no errors.
 */
export function useAttempt() {
  const [errors, setErrors] = useState<readonly ServerError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  return {
    errors,
    setErrors,
    failure,
    message,
    attempt: async (action: () => Promise<readonly ServerError[]>, success?: string): Promise<boolean> => {
      setFailure(null);
      setMessage(null);
      try {
        const result = await action();
        setErrors(result);
        if (!result.length && success) setMessage(success);
        return result.length === 0;
      } catch (e) {
        setFailure(requestFailure(e));
        return false;
      }
    },
  };
}
