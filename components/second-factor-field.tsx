// The field for a second-factor code, as the sign-in, the password reset and the step-up ask for it: an authenticator
// code (6 digits) or a recovery code (letters and digits).
import { Field } from "./field";

export type CodeKind = "totp" | "recovery-code";

/**
 * `dataAutofocus`: the control a modal dialog focuses when it opens (components/confirm-dialog.tsx). `labels`: the
 * page's language (lib/i18n/second-factor-text.ts); English where a page is not translated yet.
 */
type Props = {
  id: string;
  kind: CodeKind;
  hint?: string;
  autoFocus?: boolean;
  dataAutofocus?: boolean;
  labels?: { totp: string; recovery: string };
};

const ENGLISH_LABELS = { totp: "Code from your authenticator app", recovery: "Recovery code" };

export function SecondFactorField({ id, kind, hint, autoFocus = true, dataAutofocus, labels = ENGLISH_LABELS }: Props) {
  const totp = kind === "totp";
  return (
    <Field
      // A new input for the other kind of code: its own keyboard, pattern and autofill.
      key={kind}
      id={id}
      name="code"
      label={totp ? labels.totp : labels.recovery}
      hint={hint}
      autoComplete="one-time-code"
      inputMode={totp ? "numeric" : "text"}
      pattern={totp ? "[0-9 ]{6,7}" : undefined}
      autoFocus={autoFocus}
      required
      data-autofocus={dataAutofocus || undefined}
    />
  );
}
