import { describe, expect, it } from "vitest";
import { fillIn, fillInText, slot } from "./fill-in";

describe("fillIn", () => {
  it("puts each value where its marker stands, in the translation's own order", () => {
    expect(
      fillInText(`已将 ${slot("amount")} 发送至 ${slot("destination")}。`, { amount: "1 LAB", destination: "lab1x" }),
    ).toBe("已将 1 LAB 发送至 lab1x。");
    expect(fillIn(`Si ${slot("email")} tiene una cuenta`, { email: "<b>" })).toEqual([
      "Si ",
      "<b>",
      " tiene una cuenta",
    ]);
  });

  it("leaves a marker it has no value for, rather than dropping words", () => {
    expect(fillInText("Sent {amount}.", {})).toBe("Sent {amount}.");
    expect(fillIn("a {x} b", {})).toEqual(["a ", "{x}", " b"]);
  });
});
