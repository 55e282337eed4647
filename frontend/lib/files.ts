import { currentLanguage } from '../i18n';
import type { ServerError } from './errors';
import { csrfHeaders, NotSignedInError } from './graphql';

/**
 * Files beside GraphQL (docs/architecture.md, "Files beside GraphQL"): the upload of an import and the overview's
 * download are plain HTTP requests of the signed-in session, in the user's language, with the CSRF header.
 */

/** A file or request the server refused, in the one error shape (`{code, message, params}`). */
export class FileRefused extends Error {
  constructor(readonly error: ServerError) {
    super(error.message);
  }
}

export type ImportKind = 'PROFESSIONALS' | 'STUDENTS';

async function refusal(response: Response): Promise<Error> {
  if (response.status === 401) return new NotSignedInError();
  try {
    const body = (await response.json()) as { code?: string; message?: string; params?: Record<string, string> };
    if (typeof body.code === 'string') {
      return new FileRefused({
        code: body.code,
        message: body.message ?? body.code,
        params: Object.entries(body.params ?? {}).map(([name, value]) => ({ name, value: String(value) })),
      });
    }
  } catch {
    // not the error shape (a proxy's page): the generic failure
  }
  return new Error(`HTTP ${response.status}`);
}

/** Uploads a filled-in template; resolves with the import's id, which the review's queries name. */
export async function uploadImport(schoolId: string, kind: ImportKind, file: File): Promise<{ importId: string; rows: number }> {
  const form = new FormData();
  form.append('schoolId', schoolId);
  form.append('kind', kind);
  form.append('file', file);
  const response = await fetch('/api/spreadsheet-imports', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Accept-Language': currentLanguage(), Accept: 'application/json', ...csrfHeaders() },
    body: form,
  });
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as { importId: string; rows: number };
}

/** The name the server gave the file (Content-Disposition), or the fallback. */
function fileName(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  return /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * POSTs JSON and saves the answer as a file (the overview's download: its filter travels in the body, never in a URL).
 * Resolves once the browser has the whole file.
 */
export async function downloadPost(url: string, body: unknown, fallbackName: string): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLanguage(), ...csrfHeaders() },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await refusal(response);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName(response, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
