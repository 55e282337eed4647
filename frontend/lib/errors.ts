import { dynamicText, t } from '../i18n';
import { GraphQLRequestError, NotSignedInError } from './graphql';

/**
 * A server error as payloads carry it: a `code` to act on, the server's `message` (already in the caller's language
 * once the server reads `Accept-Language`), the input `field` it concerns, the item (`itemId`, or `userId` before the
 * shared error shape) and `params` for the message's placeholders.
 */
export interface ServerError {
  readonly code: string;
  readonly message: string;
  readonly field?: string | null;
  readonly itemId?: string | null;
  readonly userId?: string | null;
  readonly params?: readonly { readonly name: string; readonly value: string }[] | null;
}

/** The error in the user's language: the bundle's `error.<CODE>` with the error's params, else the server's message. */
export function errorText(error: ServerError): string {
  const params = Object.fromEntries((error.params ?? []).map((p) => [p.name, p.value]));
  return dynamicText(`error.${error.code}`, params) ?? error.message;
}

/** The item an error concerns (bulk mutations): `itemId`, or `userId` of the older error types. */
export function errorItem(error: ServerError): string | null {
  return error.itemId ?? error.userId ?? null;
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

/** A failed request itself (network, 401, GraphQL error) in the user's language. */
export function requestFailure(error: unknown): string {
  if (error instanceof NotSignedInError) return t('app.notSignedIn');
  if (error instanceof GraphQLRequestError || error instanceof Error) return t('app.requestFailed');
  return t('app.requestFailed');
}
