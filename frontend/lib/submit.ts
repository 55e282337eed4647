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
