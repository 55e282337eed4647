import { BasispoortLicencesDocument } from '../../gql/graphql';
import { dynamicText, t } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useGqlQuery } from '../../lib/data';

/** Hosted licences: how many tiles Basispoort has, what still waits, and why a push fails (retried on its own). */
export function LicenceSection({ schoolId }: { schoolId: string }) {
  const format = useFormat();
  const query = useGqlQuery(BasispoortLicencesDocument, { schoolId }, { enabled: !!schoolId });
  const licences = query.data?.school?.basispoortLicences;
  if (!licences) return null;
  return (
    <section aria-labelledby="bp-licences" className="kp-card">
      <h2 id="bp-licences">{t('bp.licences.title')}</h2>
      <p data-testid="licences-granted">{t('bp.licences.granted', { count: licences.granted })}</p>
      {licences.waitingPushes > 0 && (
        <p data-testid="licences-waiting">{t('bp.licences.waiting', { users: licences.waitingUsers })}</p>
      )}
      {licences.failingPushes > 0 && (
        <p role="alert" data-testid="licences-failing">
          {dynamicText(`bp.licences.error.${licences.lastError}`) ?? t('bp.licences.error.UNAVAILABLE')}{' '}
          {licences.nextAttemptAt && t('bp.licences.retry', { at: format.dateTime(licences.nextAttemptAt) })}
        </p>
      )}
      {licences.lastSentAt && <p>{t('bp.licences.lastSent', { at: format.dateTime(licences.lastSentAt) })}</p>}
    </section>
  );
}
