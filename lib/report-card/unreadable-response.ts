/** The browser's answer could not be decoded: the action turns this into `input:invalid` with the reason. */
export class UnreadableResponse extends Error {
  override name = "UnreadableResponse";
}
