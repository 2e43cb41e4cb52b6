// The site checker's vocabulary: what it fetched from a site's well-known files, and the rules it judged them by.

/**
 * What one GET of a well-known file came to: `url` is the one asked for, `redirects` every URL a redirect led to, in
 * order (the last one answered). A redirect not followed is an answer with its status and `location`. `failed` is the
 * network's or the fetcher's own refusal (an address that is not public, a size cap, too many redirects).
 */
export type FetchedFile =
  | {
      kind: "answer";
      url: string;
      redirects: string[];
      status: number;
      location?: string;
      contentType: string | null;
      body: string;
    }
  | { kind: "failed"; url: string; redirects: string[]; reason: string };

/**
 * One rule, judged: ok true passed, false failed, null a note that is neither (the file is absent, which is allowed).
 * `browsers` says what a browser does because of it, in a person's words.
 */
export type SiteRule = { id: string; ok: boolean | null; message: string; browsers?: string; source: string };

export type SiteFileReport = { url: string; status: number | null; rules: SiteRule[] };

export type SiteReport = {
  rpId: string;
  /** The origin the files were fetched from: https://<RP ID> unless an origin was given. */
  origin: string;
  relatedOrigins: SiteFileReport;
  passkeyEndpoints: SiteFileReport;
};

export const rule = (id: string, ok: boolean | null, source: string, message: string, browsers?: string): SiteRule =>
  browsers === undefined ? { id, ok, source, message } : { id, ok, source, message, browsers };
