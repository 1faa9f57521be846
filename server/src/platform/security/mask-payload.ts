import { maskEmail, maskIdNumber, maskName, maskPhone } from '../../kernel/masking';

type Masker = (value: string) => string;

// Keys under which events carry personal data (SMS and e-mail notifications above all). Operators inspecting the
// outbox need the topic, the timing and the error, not the person: 个人信息保护法 Art. 51 (minimum access).
const maskers: ReadonlyArray<[RegExp, Masker]> = [
  [/^(phone|mobile|tel|telephone|to_?phone|phone_?number)$/i, maskPhone],
  [/^(id_?number|id_?card|identity_?number)$/i, maskIdNumber],
  [/^(e_?mail|to_?email|email_?address)$/i, maskEmail],
  [/^(name|real_?name|person_?name|recipient_?name|citizen_?name)$/i, maskName],
];

function maskerFor(key: string): Masker | undefined {
  return maskers.find(([pattern]) => pattern.test(key))?.[1];
}

function maskValue(value: unknown, key: string): unknown {
  if (typeof value === 'string') {
    const mask = maskerFor(key);
    return mask ? mask(value) : value;
  }
  if (Array.isArray(value)) return value.map((item) => maskValue(item, key));
  if (value !== null && typeof value === 'object') return maskPayload(Object.fromEntries(Object.entries(value)));
  return value;
}

/** A copy of an event payload with personal data under well-known keys masked, at any depth. */
export function maskPayload(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(payload).map(([key, value]) => [key, maskValue(value, key)]));
}
