import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useState } from 'react';
import { AdminNav, type MenuDetail } from '../components/AdminNav';
import { Busy, LoadFailed } from '../components/Busy';
import { EmptyState } from '../components/EmptyState';
import { fieldError, FormErrors } from '../components/FormErrors';
import { PageHeader } from '../components/PageHeader';
import {
  BasispoortConnectionCheckDocument,
  BasispoortDocument,
  BasispoortSchoolActivateDocument,
  BasispoortSyncStartDocument,
  type ConnectionFragment,
} from '../gql/graphql';
import { currentLanguage, t } from '../i18n';
import { useFormat } from '../i18n/format';
import { queryClient, useGqlMutation, useGqlQuery } from '../lib/data';
import { errorText, fieldErrors, generalErrors, requestFailure } from '../lib/errors';
import { csrfHeaders } from '../lib/graphql';
import { useSession } from '../lib/session';
import { useAttempt } from '../lib/submit';
import { RunProgressBar, useRunProgress } from './_basispoort/progress';
import { LicenceSection } from './_basispoort/Licences';
import { RunDetail } from './_basispoort/RunDetail';
import { RunList } from './_basispoort/RunList';

/** `/basispoort`, the address the manual's users bookmark; in the admin sub-navigation as "Basispoort". */
export const config: ViewConfig<MenuDetail> = { title: 'admin.basispoort', menu: { order: 15 }, detail: { admin: true } };

/**
 * Beheer → Basispoort: the connection with its check (BP1), "Nu synchroniseren" (BP3) and the EDEXML upload (BP6),
 * both ending in a preview to apply (X2) or, for a held nightly run, a review per change (X11); the runs with their
 * reports (X4). Progress arrives over the `rosterProgress` subscription while a run reads, compares or applies.
 */
export default function BasispoortView() {
  const { schoolId } = useSession();
  const page = useGqlQuery(BasispoortDocument, { schoolId, first: 20 }, { enabled: !!schoolId });
  const sync = useGqlMutation(BasispoortSyncStartDocument);
  const [selected, setSelected] = useState<string | null>(null);
  const { errors, failure, attempt } = useAttempt();
  const [uploading, setUploading] = useState(false);
  const [applying, setApplying] = useState(false);
  const progress = useRunProgress(schoolId, sync.busy || uploading || applying);

  const school = page.data?.school;
  const open = school?.openRosterRun ?? null;
  const shown = selected ?? open?.id ?? null;

  async function syncNow() {
    await attempt(async () => {
      const result = (await sync.run({ input: { schoolId } })).basispoortSyncStart;
      if (result.run) setSelected(result.run.id);
      return result.errors;
    });
  }

  if (page.isPending) return <Busy />;
  if (page.error || !school) return <LoadFailed error={page.error} onRetry={() => void page.refetch()} />;
  const connected = school.basispoort?.status === 'CONNECTED';

  return (
    <section aria-labelledby="bp-title">
      <PageHeader id="bp-title" title={t('bp.title')} />
      <AdminNav />
      <p>{t('bp.intro')}</p>

      <ConnectionSection schoolId={schoolId} connection={school.basispoort ?? null} />

      <LicenceSection schoolId={schoolId} />

      <section aria-labelledby="bp-sync" className="kp-card">
        <h2 id="bp-sync">{t('bp.sync')}</h2>
        <p>{connected ? t('bp.syncExplanation') : t('bp.syncNotActivated')}</p>
        <Button theme="primary" data-testid="sync-now" disabled={!connected || sync.busy} onClick={() => void syncNow()}>
          {t('bp.syncNow')}
        </Button>
        <FormErrors errors={errors} messages={failure ? [failure] : []} />
      </section>

      <UploadSection schoolId={schoolId} busy={uploading} setBusy={setUploading} onRun={setSelected} />

      {(sync.busy || uploading) && <RunProgressBar progress={progress} />}

      <section aria-labelledby="bp-open" className="kp-card">
        <h2 id="bp-open">{selected && selected !== open?.id ? t('bp.changes') : t('bp.open')}</h2>
        {shown ? (
          <RunDetail
            key={shown}
            schoolId={schoolId}
            runId={shown}
            onApplying={(busy) => {
              setApplying(busy);
              // an applied or discarded run is no longer the open one: keep showing it with its report
              if (busy) setSelected(shown);
            }}
            progress={applying ? progress : undefined}
            onClose={selected && selected !== open?.id ? () => setSelected(null) : undefined}
          />
        ) : (
          <EmptyState title={t('bp.noOpen')} hint={t('bp.noOpenHint')} />
        )}
      </section>

      <RunList
        runs={school.rosterRuns?.edges.map((e) => e.node) ?? []}
        selected={selected}
        onSelect={(id) => setSelected(id === selected ? null : id)}
        busy={page.busy}
      />
    </section>
  );
}

/** BP1: what Basispoort says about the school, the check (optionally by Basispoort number) and the publisher's activation. */
function ConnectionSection({ schoolId, connection }: { schoolId: string; connection: ConnectionFragment | null }) {
  const format = useFormat();
  const check = useGqlMutation(BasispoortConnectionCheckDocument);
  const activate = useGqlMutation(BasispoortSchoolActivateDocument);
  const [basispoortId, setBasispoortId] = useState(connection?.basispoortId ?? '');
  const { errors, setErrors, failure, message, attempt } = useAttempt();
  const fields = fieldErrors(errors);

  const input = { schoolId, basispoortId: basispoortId.trim() || null };
  const institution = connection?.institution;
  return (
    <section aria-labelledby="bp-connection" className="kp-card">
      <h2 id="bp-connection">{t('bp.connection')}</h2>
      <div role="status" data-testid="connection-status" className={connection?.status === 'CONNECTED' ? 'kp-ok' : 'kp-warning'}>
        <p>{connection?.message ?? t('bp.notChecked')}</p>
        {institution && (
          <p>
            {t('bp.institution', {
              name: institution.name ?? '',
              brin: institution.brin ?? '',
              branch: institution.branchCode ?? '',
              city: institution.city ?? '',
            })}
          </p>
        )}
        {connection?.checkedAt && <p className="kp-hint">{t('bp.checkedAt', { when: format.dateTime(connection.checkedAt) })}</p>}
      </div>
      <form
        className="kp-filters"
        aria-label={t('bp.check')}
        onSubmit={(e) => {
          e.preventDefault();
          void attempt(async () => (await check.run({ input })).basispoortConnectionCheck.errors);
        }}
      >
        <TextField
          className="kp-id-field"
          label={t('bp.basispoortId')}
          helperText={t('bp.basispoortIdHelp')}
          value={basispoortId}
          {...fieldError(fields.basispoortId)}
          onValueChanged={(e) => {
            setBasispoortId(e.detail.value);
            setErrors((es) => es.filter((x) => x.field !== 'basispoortId'));
          }}
        />
        <Button
          theme="primary"
          data-testid="check-connection"
          disabled={check.busy}
          onClick={() => void attempt(async () => (await check.run({ input })).basispoortConnectionCheck.errors)}
        >
          {check.busy ? t('bp.checking') : t('bp.check')}
        </Button>
        {connection?.canActivate && !connection.activated && (
          <Button
            data-testid="activate"
            disabled={activate.busy}
            onClick={() => void attempt(async () => (await activate.run({ input })).basispoortSchoolActivate.errors, t('bp.activated'))}
          >
            {t('bp.activate')}
          </Button>
        )}
      </form>
      <FormErrors errors={generalErrors(errors, ['basispoortId'])} messages={failure ? [failure] : []} />
      {message && <p role="status">{message}</p>}
    </section>
  );
}

/**
 * BP6: the file goes as the request body to `POST /api/schools/{id}/edexml` (streamed into the reader on the server);
 * the answer is the run — a preview, or a refused file with its errors per line — which the run's panel then shows.
 */
function UploadSection({
  schoolId,
  busy,
  setBusy,
  onRun,
}: {
  schoolId: string;
  busy: boolean;
  setBusy: (busy: boolean) => void;
  onRun: (runId: string) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function upload() {
    setError(null);
    if (!file) {
      setError(t('bp.noFile'));
      return;
    }
    setBusy(true);
    try {
      const response = await fetch(`/api/schools/${encodeURIComponent(schoolId)}/edexml`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/xml',
          'X-File-Name': encodeURIComponent(file.name),
          'Accept-Language': currentLanguage(),
          ...csrfHeaders(),
        },
        body: file,
      });
      const body = (await response.json().catch(() => ({}))) as { runId?: string; code?: string; message?: string };
      if (response.ok && body.runId) {
        await queryClient.invalidateQueries();
        onRun(body.runId);
      } else {
        setError(body.code && body.message ? errorText({ code: body.code, message: body.message }) : t('app.requestFailed'));
      }
    } catch (e) {
      setError(requestFailure(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="bp-upload" className="kp-card">
      <h2 id="bp-upload">{t('bp.upload')}</h2>
      <p>{t('bp.uploadExplanation')}</p>
      <form
        className="kp-filters"
        aria-label={t('bp.upload')}
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <label className="kp-file">
          <span>{t('bp.file')}</span>
          <input
            type="file"
            data-testid="edexml-file"
            accept=".xml,application/xml,text/xml"
            aria-invalid={!!error}
            aria-describedby={error ? 'bp-upload-error' : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setError(null);
            }}
          />
        </label>
        <Button theme="primary" data-testid="upload" disabled={busy} onClick={() => void upload()}>
          {busy ? t('bp.uploading') : t('bp.uploadButton')}
        </Button>
      </form>
      {error && (
        <p id="bp-upload-error" role="alert" className="kp-error">
          {error}
        </p>
      )}
    </section>
  );
}
