// Passkey compatibility rules for the troubleshooting wizard: framework-free, pure, and fed by a browser snapshot.
export { environmentSnapshotSchema, type EnvironmentSnapshot, type BrandVersion } from "./snapshot";
export { detectPlatform } from "./platform";
export type { BrowserInfo, BrowserName, EngineInfo, EngineName, OsInfo, OsName, Platform } from "./platform-types";
export { supportMatrix, type Capability, type MatrixRow, type MatrixRule } from "./support-matrix";
export { supports, browsersWithSupport, type Support, type SupportStatus } from "./supports";
export { evaluateEnvironment } from "./findings";
export { noJavaScriptFinding } from "./findings-basics";
export type { Finding, FindingStatus } from "./finding";
export { explainCeremonyError, type CeremonyError, type CeremonyErrorExplanation } from "./browser-errors";
export { describeProvider, type BackupFlags, type ProviderDescription, type ProviderKind } from "./providers";
