// The 6-digit code a mail sends (sign-up, password reset): one field, so both read and type alike. A space in the
// middle is allowed, as people copy "123 456".
import { Field } from "@/components/ui";

/** `label`: in the page's language (messages/*.json common.fields.emailCode). */
export function EmailCodeField({ label }: { label: string }) {
  return (
    <Field
      id="code"
      name="code"
      label={label}
      autoComplete="one-time-code"
      inputMode="numeric"
      pattern="[0-9 ]{6,7}"
      autoFocus
      required
    />
  );
}
