import type { ContractStatus, LicenceStatus } from '../gql/graphql';
import { t } from '../i18n';
import { useFormat } from '../i18n/format';

/**
 * A contract's or licence's status in the manual's words (4.13): "Actief", "Eindigt op [datum]", "Beëindigd sinds
 * [datum]", the date in the user's language.
 */
export function StatusText({ status, endDate }: { status: ContractStatus | LicenceStatus; endDate?: string | null }) {
  const format = useFormat();
  const date = endDate ? format.date(endDate) : '';
  const text = status === 'ACTIVE' ? t('contracts.status.active') : status === 'ENDING' ? t('contracts.status.ending', { date }) : t('contracts.status.ended', { date });
  return <span className={`kp-status kp-status-${status.toLowerCase()}`}>{text}</span>;
}
