import { Button } from '@vaadin/react-components/Button.js';
import { Select } from '@vaadin/react-components/Select.js';
import { TextArea } from '@vaadin/react-components/TextArea.js';
import { TextField } from '@vaadin/react-components/TextField.js';
import { useMemo, useState } from 'react';
import { fieldError, FormErrors } from '../../components/FormErrors';
import { SupportQuestionSendDocument } from '../../gql/graphql';
import { t } from '../../i18n';
import { useGqlMutation } from '../../lib/data';
import { fieldErrors, generalErrors, requestFailure, type ServerError } from '../../lib/errors';

const NONE = '__none__';

/** S4: a question for the helpdesk, stored and mailed; the sender gets its reference number here and by mail. */
export function ContactForm({ schoolId, products }: { schoolId: string; products: readonly { id: string; name: string }[] }) {
  const send = useGqlMutation(SupportQuestionSendDocument);
  const [product, setProduct] = useState(NONE);
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<readonly ServerError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [reference, setReference] = useState<string | null>(null);
  const none = t('support.contact.noProduct');
  const key = JSON.stringify(products);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const items = useMemo(() => [{ label: none, value: NONE }, ...products.map((p) => ({ label: p.name, value: p.id }))], [none, key]);
  const fields = fieldErrors(errors);

  async function submit() {
    setFailure(null);
    const local: ServerError[] = [];
    if (!subject.trim()) local.push({ code: 'REQUIRED', message: t('error.REQUIRED'), field: 'subject' });
    if (!message.trim()) local.push({ code: 'REQUIRED', message: t('error.REQUIRED'), field: 'message' });
    setErrors(local);
    if (local.length) return;
    try {
      const input = { schoolId, subject, message, productId: product === NONE ? null : product };
      const result = (await send.run({ input })).supportQuestionSend;
      setErrors(result.errors);
      if (result.reference) {
        setReference(result.reference);
        setSubject('');
        setMessage('');
        setProduct(NONE);
      }
    } catch (e) {
      setFailure(requestFailure(e));
    }
  }

  return (
    <section aria-labelledby="contact-title" className="kp-form">
      <h2 id="contact-title">{t('support.contact.title')}</h2>
      <p>{t('support.contact.intro')}</p>
      {reference && <p role="status">{t('support.contact.sent', { reference })}</p>}
      <Select label={t('support.contact.product')} value={product} items={items} onValueChanged={(e) => setProduct(e.detail.value || NONE)} />
      <TextField label={t('support.contact.subject')} value={subject} maxlength={150} {...fieldError(fields.subject)} onValueChanged={(e) => setSubject(e.detail.value)} />
      <TextArea label={t('support.contact.message')} value={message} maxlength={5000} {...fieldError(fields.message)} onValueChanged={(e) => setMessage(e.detail.value)} />
      <FormErrors errors={generalErrors(errors, ['subject', 'message'])} messages={failure ? [failure] : []} />
      <div className="kp-buttons">
        <Button theme="primary" disabled={send.busy} onClick={() => void submit()}>
          {send.busy ? t('account.busy') : t('support.contact.submit')}
        </Button>
      </div>
    </section>
  );
}
