// "You have just signed in", for the page the sign-in lands on (app/(account)/after-sign-in.tsx): it then tells the
// password manager which passkeys the account still has and who the person is (Signal API), and offers the automatic
// passkey upgrade. One fixed flag, like the signed-out flash (signed-out-flash.ts): no secret, cleared by the page's
// script once handled, gone by itself within a minute.
export const SIGNED_IN_COOKIE = "passkey-lab.signed-in";
export const SIGNED_IN_COOKIE_MAX_AGE_S = 60;
