import { dynamicText, t } from '../i18n';
import { GraphQLRequestError, NotSignedInError } from './graphql';

/**
 * A server error in the one shape the schema has (`PayloadError`, and a request error's `extensions`): a `code` to act
 * on, the server's `message` (in the caller's language, from `Accept-Language`), the input `field` it concerns, the
 * item of a bulk mutation (`itemId`) and the `params` of the message's placeholders.
 */
export interface ServerError {
  readonly code: string;
  readonly message: string;
  readonly field?: string | null;
  readonly itemId?: string | null;
  readonly params?: readonly { readonly name: string; readonly value: string }[] | null;
}

/**
 * The error in the user's language: the bundle's `error.<CODE>` with the error's params; the server's message when the
 * bundle has no such code (a server newer than the SPA) or a placeholder has no value.
 */
export function errorText(error: ServerError): string {
  const params = Object.fromEntries((error.params ?? []).map((p) => [p.name, p.value]));
  try {
    return dynamicText(`error.${error.code}`, params) ?? error.message;
  } catch {
    return error.message;
  }
}

/** Field name → message, for the errors that concern one input field; the first error of a field wins. */
export function fieldErrors(errors: readonly ServerError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    if (error.field && !(error.field in byField)) {
      byField[error.field] = errorText(error);
    }
  }
  return byField;
}

/** The errors not shown at one of the form's fields: shown above or below the form. */
export function generalErrors(errors: readonly ServerError[], fields: readonly string[] = []): ServerError[] {
  return errors.filter((e) => !e.field || !fields.includes(e.field));
}

/**
 * The errors of a refused request in the same shape: `extensions.code` and `extensions.params`. Errors without a code
 * (a query the schema does not accept, a server fault) are left out: they have nothing to tell the user.
 */
export function requestErrors(error: unknown): ServerError[] {
  if (!(error instanceof GraphQLRequestError)) return [];
  return error.errors.flatMap(({ message, extensions }) =>
    typeof extensions?.code === 'string'
      ? [{ code: extensions.code, message, params: Object.entries(extensions.params ?? {}).map(([name, value]) => ({ name, value: String(value) })) }]
      : [],
  );
}

/** A failed request itself (network, 401, a refused request) in the user's language: the server's reason if it gave one. */
export function requestFailure(error: unknown): string {
  if (error instanceof NotSignedInError) return t('app.notSignedIn');
  const reasons = requestErrors(error).map(errorText);
  return reasons.length ? reasons.filter((text, i) => reasons.indexOf(text) === i).join(' ') : t('app.requestFailed');
}
