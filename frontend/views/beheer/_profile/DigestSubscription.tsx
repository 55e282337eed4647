import { Checkbox } from '@vaadin/react-components/Checkbox.js';
import { useState } from 'react';
import { FormErrors } from '../../../components/FormErrors';
import { WeeklyDigestSubscribedDocument, WeeklyDigestSubscriptionSetDocument } from '../../../gql/graphql';
import { t } from '../../../i18n';
import { useGqlMutation, useGqlQuery } from '../../../lib/data';
import { requestFailure } from '../../../lib/errors';

/** X10: a professional turns the weekly digest mail on or off in their own profile. */
export function DigestSubscription() {
  const query = useGqlQuery(WeeklyDigestSubscribedDocument, {});
  const set = useGqlMutation(WeeklyDigestSubscriptionSetDocument);
  const [failure, setFailure] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  if (query.data === undefined) return null;
  return (
    <section aria-labelledby="digest-setting-title" className="kp-form">
      <h2 id="digest-setting-title">{t('digest.setting.title')}</h2>
      <Checkbox
        label={t('digest.setting.label')}
        checked={query.data.weeklyDigestSubscribed}
        disabled={set.busy}
        onCheckedChanged={(e) => {
          if (e.detail.value === query.data?.weeklyDigestSubscribed) return;
          setFailure(null);
          set
            .run({ input: { subscribed: e.detail.value } })
            .then((r) => setMessage(t(r.weeklyDigestSubscriptionSet.subscribed ? 'digest.setting.on' : 'digest.setting.off')))
            .catch((error: unknown) => setFailure(requestFailure(error)));
        }}
      />
      <p>
        <a href="resultaten/weekoverzicht">{t('digest.title')}</a>
      </p>
      {message && <p role="status">{message}</p>}
      <FormErrors messages={failure ? [failure] : []} />
    </section>
  );
}
