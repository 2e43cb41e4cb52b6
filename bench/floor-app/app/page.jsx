import { NoopButton } from "./noop-button";

export default function Page() {
  return <NoopButton />;
}
