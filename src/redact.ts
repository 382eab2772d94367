// Messages that reach the user or the logs must not carry tokens, secrets or a contact's email or phone.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// A run of 7+ digits with the separators phone numbers are written with (not ids, which mix letters).
const PHONE = /(?<![\w-])\+?\d[\d\s().-]{6,}\d(?![\w-])/g;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/gi;

/** Removes emails, phone numbers, bearer tokens and any of the given secret values from `text`. */
export function redact(text: string, secrets: Array<string | undefined> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  return out.replace(BEARER, 'Bearer [redacted]').replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}
