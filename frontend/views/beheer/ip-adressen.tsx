import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { Button } from '@vaadin/react-components/Button.js';
import { Dialog } from '@vaadin/react-components/Dialog.js';
import { Grid } from '@vaadin/react-components/Grid.js';
import { GridColumn } from '@vaadin/react-components/GridColumn.js';
import { Select } from '@vaadin/react-components/Select.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type ConnectionType,
  type IpRangeFragment,
  SchoolIpRangeActivateDocument,
  SchoolIpRangeAddDocument,
  SchoolIpRangeRemoveDocument,
  SchoolIpRangesDocument,
} from '../../gql/graphql';
import { execute, useQuery } from '../../lib/graphql';
import { type MessageKey, useI18n, usePageTitle } from '../../lib/i18n';
import { useSession } from '../../lib/session';

export const config: ViewConfig = { title: 'IP-adressen' };

const CONNECTION_TYPES: ConnectionType[] = ['FIBER', 'CABLE', 'DSL', 'MOBILE', 'OTHER'];

/** B2: the school's IP addresses and ranges (IPv4/IPv6, CIDR or from–to): add, activate, remove. */
export default function IpRangesView() {
  const { t } = useI18n();
  usePageTitle(t('ip.title'));
  const { membership } = useSession();
  const schoolId = membership?.school.id ?? '';
  const { data, refetch } = useQuery(SchoolIpRangesDocument, { schoolId }, !schoolId);
  const [connectionType, setConnectionType] = useState<ConnectionType>('FIBER');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<readonly { field?: string | null; message: string }[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [removing, setRemoving] = useState<IpRangeFragment | null>(null);
  const ranges = data?.school?.ipRanges ?? [];
  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;
  // a field's error goes as soon as it is edited, so the form does not shift under the next click
  const clearError = (field: string) => setErrors((es) => (es.some((e) => e.field === field) ? es.filter((e) => e.field !== field) : es));

  async function add() {
    const result = (
      await execute(SchoolIpRangeAddDocument, { input: { schoolId, connectionType, from, to: to || null, active: true } })
    ).schoolIpRangeAdd;
    setErrors(result.errors);
    if (result.ipRange) {
      setMessage(`${t('ip.added')}: ${result.ipRange.notation}`);
      setFrom('');
      setTo('');
      refetch();
    }
  }

  async function activate(range: IpRangeFragment, active: boolean) {
    const result = (await execute(SchoolIpRangeActivateDocument, { input: { ipRangeId: range.id, active } }))
      .schoolIpRangeActivate;
    setErrors(result.errors);
    refetch();
  }

  async function remove(range: IpRangeFragment) {
    const result = (await execute(SchoolIpRangeRemoveDocument, { input: { ipRangeId: range.id } })).schoolIpRangeRemove;
    setErrors(result.errors);
    if (!result.errors.length) setMessage(`${t('ip.removed')}: ${range.notation}`);
    refetch();
  }

  return (
    <section aria-labelledby="ip-title">
      <div className="kp-admin-head">
        <h1 id="ip-title">{t('ip.title')}</h1>
        <span className="kp-spacer" />
        <Link to="/beheer">{t('admin.backToOverview')}</Link>
      </div>
      <p>{t('ip.explanation')}</p>
      <form className="kp-filters" onSubmit={(e) => { e.preventDefault(); void add(); }} aria-label={t('ip.add')}>
        <Select
          label={t('ip.connectionType')}
          value={connectionType}
          items={CONNECTION_TYPES.map((c) => ({ label: t(`ip.type.${c}` as MessageKey), value: c }))}
          onValueChanged={(e) => setConnectionType(e.detail.value as ConnectionType)}
        />
        <TextField label={t('ip.from')} helperText={t('ip.fromHelp')} value={from} required invalid={!!fieldError('from')} errorMessage={fieldError('from')} onValueChanged={(e) => { setFrom(e.detail.value); clearError('from'); }} />
        <TextField label={t('ip.to')} helperText={t('ip.toHelp')} value={to} invalid={!!fieldError('to')} errorMessage={fieldError('to')} onValueChanged={(e) => { setTo(e.detail.value); clearError('to'); }} />
        <Button theme="primary" onClick={() => void add()}>{t('ip.add')}</Button>
      </form>
      {errors.filter((e) => e.field !== 'from' && e.field !== 'to').map((e, i) => (
        <p key={i} role="alert" className="kp-error">{e.message}</p>
      ))}
      {message && <p role="status">{message}</p>}
      <Grid items={ranges} allRowsVisible aria-label={t('ip.title')}>
        <GridColumn header={t('ip.range')}>{({ item }: { item: IpRangeFragment }) => <span>{item.notation}</span>}</GridColumn>
        <GridColumn header={t('ip.connectionType')}>{({ item }: { item: IpRangeFragment }) => <span>{t(`ip.type.${item.connectionType}` as MessageKey)}</span>}</GridColumn>
        <GridColumn header={t('ip.status')}>{({ item }: { item: IpRangeFragment }) => <span>{item.active ? t('ip.active') : t('ip.inactive')}</span>}</GridColumn>
        <GridColumn header="" flexGrow={2}>
          {({ item }: { item: IpRangeFragment }) => (
            <span className="kp-badges">
              <Button theme="tertiary" data-testid={`toggle-${item.notation}`} onClick={() => void activate(item, !item.active)}>
                {item.active ? t('ip.deactivate') : t('ip.activate')}
              </Button>
              <Button theme="tertiary error" data-testid={`remove-${item.notation}`} onClick={() => setRemoving(item)}>{t('ip.remove')}</Button>
            </span>
          )}
        </GridColumn>
      </Grid>
      <Dialog
        opened={removing !== null}
        headerTitle={t('ip.removeTitle')}
        onOpenedChanged={(e) => !e.detail.value && setRemoving(null)}
        footerRenderer={() => (
          <>
            <Button onClick={() => setRemoving(null)}>{t('common.cancel')}</Button>
            <Button
              theme="primary error"
              onClick={() => {
                if (removing) void remove(removing);
                setRemoving(null);
              }}
            >
              {t('ip.remove')}
            </Button>
          </>
        )}
      >
        {removing ? `${t('ip.removeQuestion')} ${removing.notation}?` : ''}
      </Dialog>
    </section>
  );
}
