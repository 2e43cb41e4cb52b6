// Small presentational building blocks shared by every page. No state here. One module each, so that a page's script
// carries only the ones it imports directly (Turbopack keeps every export of a module it loads); this file gathers
// them for the pages where that does not matter.
export { Alert } from "./alert";
export { Badge } from "./badge";
export { Button } from "./button";
export { Card } from "./card";
export { Field } from "./field";
