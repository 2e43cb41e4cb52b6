// Stand-in for the `server-only` marker package in unit tests, which run outside React Server Components.
export {};
