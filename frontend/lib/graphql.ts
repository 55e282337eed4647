import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../gql/graphql';
import { currentLanguage } from '../i18n';

/** The server said nobody is signed in (HTTP 401). */
export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in');
  }
}

/** One GraphQL error of a refused request: its message, and in `extensions` the classification, `code` and `params`. */
export interface RequestErrorEntry {
  message: string;
  extensions?: { classification?: string; code?: string; params?: Record<string, unknown> };
}

/** GraphQL errors returned by the server (NOT_FOUND, FORBIDDEN, BAD_REQUEST… with an `ErrorCode` and its params). */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: RequestErrorEntry[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** The CSRF token cookie: `__Host-XSRF-TOKEN` over https, `XSRF-TOKEN` on plain http (a local run). */
function csrfToken(): string | undefined {
  for (const name of ['__Host-XSRF-TOKEN=', 'XSRF-TOKEN=']) {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith(name));
    if (cookie) {
      return decodeURIComponent(cookie.substring(name.length));
    }
  }
  return undefined;
}

/** Headers for a state-changing request of the signed-in session (CSRF token from its cookie). */
export function csrfHeaders(): Record<string, string> {
  const token = csrfToken();
  return token ? { 'X-XSRF-TOKEN': token } : {};
}

/**
 * Runs one typed query or mutation over HTTP with the session cookie, in the user's language (`Accept-Language`, so
 * the server's messages come back in it too).
 */
export async function execute<R, V>(document: TypedDocumentString<R, V>, variables?: V, signal?: AbortSignal): Promise<R> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    signal,
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      'Accept-Language': currentLanguage(),
      ...csrfHeaders(),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  if (response.status === 401) {
    throw new NotSignedInError();
  }
  const body = await response.json();
  if (body.errors?.length) {
    throw new GraphQLRequestError(body.errors);
  }
  return body.data as R;
}

let wsClient: Client | undefined;

function subscriptions(): Client {
  if (!wsClient) {
    const url = new URL('/graphql', window.location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    wsClient = createClient({ url: url.toString(), lazy: true, retryAttempts: 5 });
  }
  return wsClient;
}

/** Subscribes over graphql-ws (the session cookie authenticates the WebSocket); returns the unsubscribe function. */
export function subscribe<R, V>(document: TypedDocumentString<R, V>, variables: V, onData: (data: R) => void): () => void {
  return subscriptions().subscribe<R>(
    { query: document.toString(), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.data) onData(result.data as R);
      },
      error: (error) => console.warn('subscription failed', error),
      complete: () => undefined,
    },
  );
}
