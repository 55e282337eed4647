import type { ViewConfig } from '@vaadin/hilla-file-router/types.js';
import { useEffect, useRef, useState } from 'react';
import { Busy } from '../components/Busy';
import { FormErrors } from '../components/FormErrors';
import { PageHeader } from '../components/PageHeader';
import { MyEmailChangeConfirmDocument } from '../gql/graphql';
import { t } from '../i18n';
import { useGqlMutation } from '../lib/data';
import { requestFailure, type ServerError } from '../lib/errors';
import { useLinkSecret } from '../lib/linkSecret';

export const config: ViewConfig = { title: 'account.confirmEmail.title', menu: { exclude: true } };

/** The page of the link mailed to a new login address: the signed-in professional confirms it once. */
export default function ConfirmEmailView() {
  const token = useLinkSecret({ clear: true });
  return <ConfirmEmail key={token} token={token} />;
}

function ConfirmEmail({ token }: { token: string }) {
  const confirm = useGqlMutation(MyEmailChangeConfirmDocument);
  const [errors, setErrors] = useState<readonly ServerError[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [email, setEmail] = useState<string | null>(null);
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    confirm
      .run({ input: { token } })
      .then((result) => {
        setErrors(result.myEmailChangeConfirm.errors);
        setEmail(result.myEmailChangeConfirm.email);
      })
      .catch((e: unknown) => setFailure(requestFailure(e)));
  }, [confirm, token]);

  return (
    <section aria-labelledby="confirm-email-title">
      <PageHeader id="confirm-email-title" title={t('account.confirmEmail.title')} />
      {errors === null && !failure && <Busy />}
      <FormErrors errors={errors ?? []} messages={failure ? [failure] : []} />
      {errors?.length === 0 && email && <p role="status">{t('account.confirmEmail.done', { email })}</p>}
    </section>
  );
}
