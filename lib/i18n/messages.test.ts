// The message files stay in step (issue 16): every key of messages/en.json in every locale and no other, each message
// valid ICU with the same arguments and tags as the English one (a translation that drops {email} or <link> breaks
// the page), plurals with an "other" case, and no key that no source file asks for.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";

const root = join(import.meta.dirname, "..", "..");
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat.set(path, value);
    else for (const [inner, text] of flatten(value, path)) flat.set(inner, text);
  }
  return flat;
}

const messages = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    flatten(JSON.parse(readFileSync(join(root, "messages", `${locale}.json`), "utf8")) as Tree),
  ]),
);
const english = messages.en!;

/** Argument and tag names a message uses, and whether each plural has its "other" case. */
function shapeOf(elements: MessageFormatElement[], names = new Set<string>(), problems: string[] = []) {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date)
      names.add(`{${element.value}}`);
    if (element.type === TYPE.tag) {
      names.add(`<${element.value}>`);
      shapeOf(element.children, names, problems);
    }
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      names.add(`{${element.value}}`);
      if (!("other" in element.options)) problems.push(`"${element.value}" has no "other" case`);
      for (const option of Object.values(element.options)) shapeOf(option.value, names, problems);
    }
  }
  return { names: [...names].sort(), problems };
}

describe("message files", () => {
  for (const locale of LOCALES) {
    it(`${locale} has exactly the keys of en`, () => {
      expect([...messages[locale]!.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it(`${locale}: every message is valid ICU with the arguments and tags of the English one`, () => {
      for (const [key, text] of messages[locale]!) {
        const shape = shapeOf(parse(text));
        expect(shape.problems, `${locale} ${key}`).toEqual([]);
        expect(shape.names, `${locale} ${key}`).toEqual(shapeOf(parse(english.get(key)!)).names);
      }
    });
  }
});

/** Source files that can ask for a message: app/, components/, lib/ (tests aside). */
function sourceFiles(directory: string): string[] {
  return readdirSync(join(root, directory), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** A call of getTranslations or useTranslations, or a Translator parameter (lib/i18n/translator.ts), for a namespace. */
const TAKES_NAMESPACE = /(?:Translations\(|Translator<)\s*"([^"]+)"\s*[)>]/g;
const takesNamespace = (text: string, namespace: string) =>
  [...text.matchAll(TAKES_NAMESPACE)].some((match) => match[1] === namespace);

describe("message keys in use", () => {
  const sources = ["app", "components", "lib"].flatMap(sourceFiles).map((file) => readFileSync(file, "utf8"));

  it("takes translators only for namespaces the files have", () => {
    // Every literal key passed to a translator; typed messages (global.d.ts) catch the rest at type-check time.
    const namespaces = new Set([...english.keys()].map((key) => key.split(".")[0]));
    const used = sources.flatMap((text) => [...text.matchAll(TAKES_NAMESPACE)].map((m) => m[1]!));
    expect(used.filter((namespace) => !namespaces.has(namespace))).toEqual([]);
  });

  it("has no key that no source file asks for", () => {
    // A key is in use when a file that takes a translator for its namespace names the rest of the key as a literal
    // (t("title"), t.rich("newHere", …), or a table of keys written out whole, as on the home page).
    const unused = [...english.keys()].filter((key) => {
      const [namespace, ...rest] = key.split(".");
      const path = rest.join(".");
      // A failure's words (lib/error-words.ts): a code's own, errors.<area>.<reason>, are in use while the code is
      // named ("area:reason"); a variant where a call site names it, typed by fail() rather than a translator.
      if (namespace === "errors") {
        const code = path.replace(".", ":");
        return !sources.some((text) => text.includes(`"${path}"`) || text.includes(`"${code}"`));
      }
      return !sources.some(
        (text) => takesNamespace(text, namespace!) && (text.includes(`"${path}"`) || text.includes(`'${path}'`)),
      );
    });
    expect(unused).toEqual([]);
  });
});
