// Runs once when a server starts, before any request is served.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareServer } = await import("./lib/startup");
  await prepareServer();
}
