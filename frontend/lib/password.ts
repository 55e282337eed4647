import { dynamicText } from '../i18n';
import { errorText, type ServerError } from './errors';

/**
 * A refused password in the user's language: B1's rule says what is missing (`params.reason`: TOO_SHORT, TOO_LONG,
 * NO_LETTER, NO_DIGIT, SAME_AS_LOGIN, with `min`, `max`, `length`); other errors as every error.
 */
export function passwordErrorText(error: ServerError): string {
  const params = Object.fromEntries((error.params ?? []).map((p) => [p.name, p.value]));
  if (error.code === 'INVALID_PASSWORD' && params.reason) {
    try {
      return dynamicText(`password.problem.${params.reason}`, params) ?? errorText(error);
    } catch {
      return errorText(error);
    }
  }
  return errorText(error);
}
