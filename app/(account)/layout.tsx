import { AfterSignIn } from "./after-sign-in";

/** The signed-in pages a sign-in lands on (lib/auth/return-path.ts): each may be the first after it. */
export default function SignedInLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      {children}
      <AfterSignIn />
    </>
  );
}
