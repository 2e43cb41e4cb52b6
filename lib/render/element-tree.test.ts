import { createTranslator } from "next-intl";
import { createElement, Fragment, useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { CheckResults, checkResultsText } from "@/app/troubleshoot/check-results";
import { evaluateEnvironment } from "@/lib/compat/findings";
import { detectPlatform } from "@/lib/compat/platform";
import { english } from "@/lib/compat/test-translators";
import { healthySnapshot } from "@/lib/compat/test-snapshots";
import en from "@/messages/en.json";
import { toElementTree, type ElementTree } from "./element-tree";

const text = (tree: ElementTree[]): string =>
  tree.map((node) => (typeof node === "string" ? node : text(node.slice(2) as ElementTree[]))).join("");

describe("toElementTree", () => {
  it("draws host elements, text, numbers and lists, with React's attribute names", () => {
    const tree = toElementTree(
      createElement(
        "ul",
        { className: "list", "aria-label": "Results", "data-testid": "results" },
        [1, 2].map((n) => createElement("li", { key: n, "data-evidence": true }, "row ", n)),
      ),
    );
    expect(tree).toEqual([
      [
        "ul",
        { class: "list", "aria-label": "Results", "data-testid": "results" },
        ["li", { "data-evidence": "true" }, "row ", "1"],
        ["li", { "data-evidence": "true" }, "row ", "2"],
      ],
    ]);
  });

  it("calls components, unwraps fragments and drops empty children, as React renders them", () => {
    const Badge = ({ word }: { word: string }) => createElement("span", null, word);
    const tree = toElementTree(
      createElement(
        Fragment,
        null,
        null,
        false,
        createElement("details", { open: true }, createElement(Badge, { word: "OK" })),
      ),
    );
    expect(tree).toEqual([["details", { open: "" }, ["span", {}, "OK"]]]);
  });

  it("refuses what a script would have to trust: scripts, frames, forms, links, handlers, styles, markup", () => {
    expect(() => toElementTree(createElement("script", null, "alert(1)"))).toThrow(/<script>/);
    expect(() => toElementTree(createElement("iframe"))).toThrow(/<iframe>/);
    expect(() => toElementTree(createElement("form"))).toThrow(/<form>/);
    expect(() => toElementTree(createElement("a", null, "x"))).toThrow(/<a>/);
    expect(() => toElementTree(createElement("span", { href: "javascript:alert(1)" }, "x"))).toThrow(/href/);
    expect(() => toElementTree(createElement("span", { onClick: () => undefined }))).toThrow(/onClick/);
    expect(() => toElementTree(createElement("p", { style: { color: "red" } }))).toThrow(/style/);
    expect(() => toElementTree(createElement("div", { dangerouslySetInnerHTML: { __html: "<b>" } }))).toThrow();
  });

  it("refuses components that need React to run them", () => {
    // React says why on the console before it throws; the throw is what matters here.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const Stateful = () => useState("x")[0];
    const Later = async () => createElement("p", null, "later");
    expect(() => toElementTree(createElement(Stateful))).toThrow();
    expect(() => toElementTree(createElement(Later))).toThrow(/asynchronous/);
    quiet.mockRestore();
  });

  it("draws the wizard's checks with every row and word CheckResults renders", () => {
    const snapshot = healthySnapshot({ isUVPAA: false });
    const platform = detectPlatform(snapshot);
    const findings = evaluateEnvironment(snapshot, platform, english);
    const checks = createTranslator({ locale: "en", messages: en, namespace: "checks" });
    const tree = toElementTree(
      createElement(CheckResults, { findings, text: checkResultsText(checks, english.findings, platform) }),
    );
    const drawn = text(tree);
    for (const finding of findings) expect(drawn).toContain(finding.title);
    expect(JSON.stringify(tree)).toContain('"data-testid":"platform"');
  });
});
