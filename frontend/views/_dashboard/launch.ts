/**
 * Sends the browser to a product with its launch token (D3): a form posted to the product's launch address, the token
 * as the field `launch_token`, so it never appears in an address, a history entry or a log.
 */
export function postLaunchToken(url: string, token: string) {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = url;
  const field = document.createElement('input');
  field.type = 'hidden';
  field.name = 'launch_token';
  field.value = token;
  form.appendChild(field);
  document.body.appendChild(form);
  form.submit();
}
