import { createClient, type Client } from 'graphql-ws';
import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';

/** The server said nobody is signed in (HTTP 401). */
export class NotSignedInError extends Error {
  constructor() {
    super('Not signed in');
  }
}

/** GraphQL errors returned by the server, with their classification (NOT_FOUND, FORBIDDEN, BAD_REQUEST…). */
export class GraphQLRequestError extends Error {
  constructor(readonly errors: { message: string; extensions?: { classification?: string } }[]) {
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

/** Runs one typed query or mutation over HTTP with the session cookie. */
export async function execute<R, V>(document: TypedDocumentString<R, V>, variables?: V): Promise<R> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', ...csrfHeaders() },
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

export interface QueryState<R> {
  data?: R;
  error?: Error;
  loading: boolean;
  refetch: () => void;
}

/** Runs a query when mounted and whenever its variables change (compared by value). */
export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables?: V, skip = false): QueryState<R> {
  const key = JSON.stringify(variables ?? {});
  const [state, setState] = useState<{ data?: R; error?: Error; loading: boolean }>({ loading: !skip });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (skip) {
      return;
    }
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    execute(document, variables).then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, key, generation, skip]);
  const refetch = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, refetch };
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
      next: (result) => { if (result.data) onData(result.data as R); },
      error: (error) => console.warn('subscription failed', error),
      complete: () => undefined,
    },
  );
}
