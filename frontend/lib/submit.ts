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
 * A screen's actions with a status line: `attempt(action, success)` runs a mutation and keeps its payload errors (for
 * the fields and `<FormErrors errors={errors} />`), the request's failure, or the success text for `role="status"`.
 */
export function useAttempt() {
  const [errors, setErrors] = useState<readonly ServerError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  async function attempt(action: () => Promise<readonly ServerError[]>, success: string): Promise<boolean> {
    setFailure(null);
    setMessage(null);
    try {
      const result = await action();
      setErrors(result);
      if (!result.length) setMessage(success);
      return result.length === 0;
    } catch (e) {
      setFailure(requestFailure(e));
      return false;
    }
  }
  return { errors, setErrors, failure, message, attempt };
}
