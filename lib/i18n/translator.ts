// The translator lib code takes as a parameter, for one namespace of the messages: from `getTranslations(namespace)`
// in a page or server action (the request's locale), from next-intl's `createTranslator` in tests and scripts. The
// message-key test counts the namespace of a Translator parameter as it counts getTranslations.
import type { Messages, NamespaceKeys, NestedKeyOf } from "next-intl";
import type { getTranslations } from "next-intl/server";

export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;
export type Translator<N extends Namespace> = Awaited<ReturnType<typeof getTranslations<N>>>;
