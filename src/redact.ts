// Messages that reach the user or the logs must not carry tokens, secrets or a contact's email or phone, yet
// HighLevel's own wording (dates, epoch times, limits, version strings) must reach the user unchanged.
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Phone numbers as people and HighLevel write them: international (+ and 7–15 digits with separators), or the
// North American (555) 010-0199 / 555-010-0199 / 555.010.0199 forms. Bare digit runs (epoch ms, counts) and
// dates (2026-03-10) are left alone; a contact's own number is removed exactly via `secrets`.
const PHONE = /(?<![\w+])(\+\d[\d\s().-]{5,18}\d|\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\d{3}[.-]\d{3}[.-]\d{4})(?![\w-])/g;
const BEARER = /Bearer\s+[A-Za-z0-9._~+/=-]+/gi;

/** Removes bearer tokens, emails, phone numbers and any of the given secret values from `text`. */
export function redact(text: string, secrets: Array<string | undefined> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  return out.replace(BEARER, 'Bearer [redacted]').replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

/** The step's own personal values (emails, phones) to remove exactly, whatever their format. */
export function personalValuesOf(inputData: Record<string, unknown> | undefined): string[] {
  const values: string[] = [];
  for (const [key, value] of Object.entries(inputData ?? {})) {
    if (!/(email|phone|number|^to$|^from$)/i.test(key)) continue;
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string' && v.trim().length >= 6) values.push(v.trim());
    }
  }
  return values;
}
