import {
  keepPreviousData,
  QueryClient,
  useMutation,
  useQuery,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { currentLanguage, useLanguage } from '../i18n';
import { requestErrors } from './errors';
import { execute, NotSignedInError } from './graphql';

/**
 * Data access for every screen: TanStack Query over the typed documents generated from `graphql/*.graphql`.
 *
 * - `useGqlQuery(Document, variables)`: cached per document and variables; `busy` while a request runs; with
 *   `{ keepPrevious: true }` the previous result stays (dimmed by the screen) while the next loads.
 * - `useGqlMutation(Document)`: `run(variables)` sends the mutation once even when clicked twice, `busy` while it
 *   runs; a real (non-dry-run) mutation marks every cached query stale, so the screens showing school data refetch
 *   what they show. No screen refetches by hand.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // a request the server refused with a code (NOT_FOUND, ARGUMENT_OUT_OF_RANGE…) fails the same way again: shown at once
      retry: (failures, error) => !(error instanceof NotSignedInError) && requestErrors(error).length === 0 && failures < 2,
    },
  },
});

function operationName(document: TypedDocumentString<unknown, unknown>): string {
  return /(?:query|mutation)\s+(\w+)/.exec(document.toString())?.[1] ?? document.toString();
}

/**
 * A query's cache key: its operation, variables and the language, since the server writes some texts in the caller's
 * language (the Logboek's changes, error messages): switching the language fetches them again.
 */
function queryKey(document: TypedDocumentString<unknown, unknown>, variables: unknown, language: string) {
  return [operationName(document), variables, language];
}

export type GqlQuery<R> = UseQueryResult<R, Error> & {
  /** A request runs: first load, or a refetch while older data is shown. */
  busy: boolean;
  /** The data shown belongs to earlier variables (only with `keepPrevious`). */
  stale: boolean;
};

export function useGqlQuery<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
): GqlQuery<R> {
  const language = useLanguage();
  const query = useQuery({
    queryKey: queryKey(document as TypedDocumentString<unknown, unknown>, variables, language),
    queryFn: ({ signal }) => execute(document, variables, signal),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
  return Object.assign(query, { busy: query.isFetching, stale: query.isPlaceholderData });
}

export interface GqlMutation<R, V> {
  /** Sends the mutation; resolves with its data. A second call while one runs returns the first one's promise. */
  run: (variables: V) => Promise<R>;
  busy: boolean;
}

export function useGqlMutation<R, V>(document: TypedDocumentString<R, V>): GqlMutation<R, V> {
  const running = useRef<Promise<R> | null>(null);
  const mutation = useMutation({
    mutationFn: (variables: V) => execute(document, variables),
    onSuccess: (_data, variables) => {
      const input = (variables as { input?: { dryRun?: boolean | null } } | undefined)?.input;
      if (!input?.dryRun) {
        return queryClient.invalidateQueries();
      }
      return undefined;
    },
  });
  return {
    run: (variables) => {
      if (!running.current) {
        running.current = mutation.mutateAsync(variables).finally(() => {
          running.current = null;
        });
      }
      return running.current;
    },
    busy: mutation.isPending,
  };
}

/** Runs a typed query outside a hook, through the cache (e.g. "select all" fetching the ids when clicked). */
export function fetchGql<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  return queryClient.fetchQuery({
    queryKey: queryKey(document as TypedDocumentString<unknown, unknown>, variables, currentLanguage()),
    queryFn: ({ signal }) => execute(document, variables, signal),
  });
}

/** The value, once it has stopped changing for `ms` (search fields). */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}
