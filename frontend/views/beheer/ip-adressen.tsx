import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { Select } from '@vaadin/react-components/Select.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useEffect, useState } from 'react';
import { AdminNav, type MenuDetail } from '../../components/AdminNav';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { type Column, DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { fieldError, FormErrors } from '../../components/FormErrors';
import { PageHeader } from '../../components/PageHeader';
import {
  type ConnectionType,
  type IpRangeFragment,
  SchoolIpRangeActivateDocument,
  SchoolIpRangeAddDocument,
  SchoolIpRangeRemoveDocument,
  SchoolIpRangesDocument,
  SchoolLoginRuleSetDocument,
} from '../../gql/graphql';
import { t } from '../../i18n';
import { useGqlMutation, useGqlQuery } from '../../lib/data';
import { fieldErrors, generalErrors, type ServerError } from '../../lib/errors';
import { useAttempt } from '../../lib/submit';
import { useSession } from '../../lib/session';

export const config: ViewConfig<MenuDetail> = { title: 'admin.ipRanges', menu: { order: 14 }, detail: { admin: true } };

const CONNECTION_TYPES: ConnectionType[] = ['FIBER', 'CABLE', 'DSL', 'MOBILE', 'OTHER'];
const FIELDS = ['from', 'to'];
/** The connection type in the words the Logboek uses for it too (the server's `auditchange.connectionType.*`). */
const connectionTypeName = (type: ConnectionType) => t(`auditchange.connectionType.${type}`);

/** B2: the school's IP addresses and ranges (IPv4/IPv6, CIDR or from–to): add, activate, remove. */
export default function IpRangesView() {
  const { schoolId } = useSession();
  const query = useGqlQuery(SchoolIpRangesDocument, { schoolId }, { enabled: !!schoolId });
  const add = useGqlMutation(SchoolIpRangeAddDocument);
  const activate = useGqlMutation(SchoolIpRangeActivateDocument);
  const remove = useGqlMutation(SchoolIpRangeRemoveDocument);
  const loginRule = useGqlMutation(SchoolLoginRuleSetDocument);
  const [connectionType, setConnectionType] = useState<ConnectionType>('FIBER');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const { errors, setErrors, failure, message, attempt: run } = useAttempt();
  // the school's range a new one overlaps (OVERLAP): marked in the list, where the admin can deactivate or remove it
  const [conflict, setConflict] = useState<string | null>(null);
  const [removing, setRemoving] = useState<IpRangeFragment | null>(null);
  const fields = fieldErrors(errors);
  // a field's error goes as soon as it is edited, so the form does not shift under the next click
  const clear = (field: string) => setErrors((es) => es.filter((e) => e.field !== field));

  /** Runs a mutation through the shared form hook; a new attempt first clears the marked overlap. */
  function attempt(action: () => Promise<readonly ServerError[]>, success?: string) {
    setConflict(null);
    return run(action, success);
  }

  async function submit() {
    const notation = from;
    const ok = await attempt(async () => {
      const result = (await add.run({ input: { schoolId, connectionType, from, to: to || null, active: true } })).schoolIpRangeAdd;
      setConflict(result.conflictingRange?.id ?? null);
      return result.ipRange ? [] : result.errors;
    }, t('ip.added', { notation }));
    if (ok) {
      setFrom('');
      setTo('');
    }
  }

  // BP7: the admin's choice shows at once; the server's value takes over once it has been read back
  const [chosen, setChosen] = useState<boolean | null>(null);
  const saved = query.data?.school?.studentsOnlyAtSchool ?? false;
  const schoolOnly = chosen ?? saved;
  useEffect(() => {
    if (chosen !== null && chosen === saved) setChosen(null);
  }, [chosen, saved]);

  /** BP7: students sign in only from the school's active ranges (or again from anywhere). */
  async function setSchoolOnly(on: boolean) {
    setChosen(on);
    const ok = await attempt(
      async () => (await loginRule.run({ input: { schoolId, studentsOnlyAtSchool: on } })).schoolLoginRuleSet.errors,
      on ? t('ip.schoolOnly.on') : t('ip.schoolOnly.off'),
    );
    if (!ok) setChosen(null);
  }

  const noActiveRange = !(query.data?.school?.ipRanges ?? []).some((r) => r.active);

  const columns: Column<IpRangeFragment>[] = [
    { key: 'range', header: t('ip.range'), cell: (r) => (r.id === conflict ? <mark>{r.notation}</mark> : r.notation) },
    { key: 'type', header: t('ip.connectionType'), cell: (r) => connectionTypeName(r.connectionType) },
    { key: 'status', header: t('ip.status'), cell: (r) => (r.active ? t('ip.active') : t('ip.inactive')) },
    {
      key: 'actions',
      header: '',
      cell: (r) => (
        <span className="kp-badges">
          <Button
            theme="tertiary"
            data-testid={`toggle-${r.notation}`}
            disabled={activate.busy}
            onClick={() => void attempt(async () => (await activate.run({ input: { ipRangeId: r.id, active: !r.active } })).schoolIpRangeActivate.errors)}
          >
            {r.active ? t('ip.deactivate') : t('ip.activate')}
          </Button>
          <Button theme="tertiary error" data-testid={`remove-${r.notation}`} onClick={() => setRemoving(r)}>
            {t('ip.remove')}
          </Button>
        </span>
      ),
    },
  ];

  return (
    <section aria-labelledby="ip-title">
      <PageHeader id="ip-title" title={t('ip.title')} />
      <AdminNav />
      <p>{t('ip.explanation')}</p>
      <div className="kp-setting">
        <Checkbox
          label={t('ip.schoolOnly.label')}
          helperText={t('ip.schoolOnly.help')}
          checked={schoolOnly}
          disabled={loginRule.busy || query.isPending}
          data-testid="students-only-at-school"
          onCheckedChanged={(e) => {
            if (e.detail.value !== schoolOnly) void setSchoolOnly(e.detail.value);
          }}
        />
        {schoolOnly && noActiveRange && !query.isPending && <p role="alert">{t('ip.schoolOnly.noActiveRange')}</p>}
      </div>
      <form className="kp-filters" aria-label={t('ip.add')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <Select
          label={t('ip.connectionType')}
          value={connectionType}
          items={CONNECTION_TYPES.map((c) => ({ label: connectionTypeName(c), value: c }))}
          onValueChanged={(e) => setConnectionType(e.detail.value as ConnectionType)}
        />
        <TextField label={t('ip.from')} helperText={t('ip.fromHelp')} value={from} required {...fieldError(fields.from)} onValueChanged={(e) => { setFrom(e.detail.value); clear('from'); }} />
        <TextField label={t('ip.to')} helperText={t('ip.toHelp')} value={to} {...fieldError(fields.to)} onValueChanged={(e) => { setTo(e.detail.value); clear('to'); }} />
        <Button theme="primary" disabled={add.busy} onClick={() => void submit()}>
          {t('ip.add')}
        </Button>
      </form>
      <FormErrors errors={generalErrors(errors, FIELDS)} messages={failure ? [failure] : []} />
      {message && <p role="status">{message}</p>}
      <DataTable
        label={t('ip.title')}
        rows={query.data?.school?.ipRanges ?? []}
        rowKey={(r) => r.id}
        columns={columns}
        loading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        empty={<EmptyState title={t('ip.empty')} hint={t('ip.emptyHint')} />}
      />
      <ConfirmDialog
        opened={removing !== null}
        title={t('ip.removeTitle')}
        confirmText={t('ip.remove')}
        danger
        busy={remove.busy}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const range = removing;
          setRemoving(null);
          if (range) void attempt(async () => (await remove.run({ input: { ipRangeId: range.id } })).schoolIpRangeRemove.errors, t('ip.removed', { notation: range.notation }));
        }}
      >
        {removing ? t('ip.removeQuestion', { notation: removing.notation }) : ''}
      </ConfirmDialog>
    </section>
  );
}
